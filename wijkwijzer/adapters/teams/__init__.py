"""The Teams channel: the Agents SDK's aiohttp CloudAdapter behind our own checks.

An inbound request to ``POST /api/messages`` passes, in this order (the body size limit is the
server's, before anything here):

1. **JWT** (``TeamsAuthenticator``): the SDK's ``JwtTokenValidator`` — RS256 by a key of the
   Bot Framework JWKS, audience = our app id, expiry with 5 minutes leeway — with the SDK's
   *opt-in* issuer allow-list switched on (``VALIDATE_ISSUER``). A missing header is accepted
   only in anonymous development mode.
2. **JSON and Activity** parsing: malformed → 400, never a stack trace.
3. **serviceUrl** (``ServiceUrlPolicy``): the activity's serviceUrl must be on our host list
   (https only; loopback only in development) and have the same origin as the token's
   ``serviceurl`` claim, which an authenticated request must carry. The SDK's own check (host
   only, off by default) is switched on as well through its ``host_validator`` hook.
4. **Tenant** (in ``TeamsBot``): only configured Microsoft tenants get the agent; anyone else gets
   one polite Dutch refusal and nothing else.

Then ``TeamsBot`` stores the conversation reference, answers in group chats and channels only
when @mentioned (with the mention removed from the text) and renders replies for Teams:
contact cards as Adaptive Cards, choices as suggested actions (personal chat, at most 3) or card
buttons (group chat and channel, at most 6) with the rest behind "Meer…", which the bot answers
itself from the signed choices the button carries (more.py), text as plain text. Cards are built as Python dicts; user and
knowledge-base strings only ever land in ``TextRun`` texts and button titles, so no markup or
card JSON can be injected.
"""
