"""'Inloggen': a single-use link to the console for adviseurs and beheerders (app/console).

The link is valid for 10 minutes and works once (store/console.py); the chat only carries it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from microsoft_agents.hosting.dialogs import DialogContext, DialogTurnResult

from wijkwijzer.core.conversation import Command, Route, WijkwijzerDialog, end
from wijkwijzer.core.copy import Copy
from wijkwijzer.core.replies import reply
from wijkwijzer.core.services import TurnServices, services


class ConsoleLoginCopy(Copy):
    FIELDS: ClassVar[Mapping[str, frozenset[str]]] = {"link": frozenset({"link"})}
    only_adviseurs: str
    not_set_up: str
    not_in_records: str
    link: str


class ConsoleLoginDialog(WijkwijzerDialog):
    ID = "console_login"
    Copy = ConsoleLoginCopy
    copy: ConsoleLoginCopy

    async def begin_dialog(self, dc: DialogContext, options: object = None) -> DialogTurnResult:
        await dc.context.send_activity(reply(await self.answer(services(dc.context))))
        result: DialogTurnResult = await end(dc)
        return result

    async def answer(self, svc: TurnServices) -> str:
        if not svc.profile.sees_reports:
            return self.copy.only_adviseurs
        if svc.console is None:
            return self.copy.not_set_up
        try:
            url = await svc.console.login_url(svc.profile.user_id)
        except LookupError:
            return self.copy.not_in_records
        return self.copy.not_set_up if url is None else self.copy.link.format(link=url)


ROUTES = (
    Route(ConsoleLoginDialog, commands=(
        Command("console_login", re.compile(r"^\s*(?:inloggen|log\s*in|login|console|inloglink)(?:\s+(?:console|"
                                            r"op\s+de\s+console|bij\s+de\s+console))?\s*[.!?]?\s*$", re.IGNORECASE)),
    )),
)
