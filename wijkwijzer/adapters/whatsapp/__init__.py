"""The WhatsApp channel: the Cloud API webhook in, the Graph API ``/messages`` endpoint out.

``WhatsAppChannel`` (channel.py, the ``Channel`` contract of core/channel.py) mounts
``GET /api/whatsapp`` (Meta's subscription check) and ``POST /api/whatsapp`` (deliveries). A delivery is checked in this
order, each before the next step: body size (413), ``X-Hub-Signature-256`` over the raw bytes
(401), JSON (400). Then the ids of its messages are claimed in ``inbound_messages`` (a message
seen before is skipped: Meta redelivers) and each new message is recorded in ``inbound_work``
(number and text sealed), in the same transaction, before the delivery is acknowledged with 200;
the turns run afterwards in per-sender queues within the process's turn slots, so slow work never
delays the acknowledgement (inbound.py). Recording happens before the 200 on purpose: when the
database is down the answer is 503 and Meta redelivers; once recorded, a message is answered even
when this process dies (a live one takes it over after the lease), and a reply is never sent
twice (store/inbound.py).

Text messages and taps on reply buttons or list rows become message Activities with channel
id ``whatsapp``; the conversation id is the sender's address (the phone number as ``wa_id``, or
the business-scoped user id when Meta withholds the number), the sender's id is a keyed hash
of it. The raw number lives only in the conversation (reference) — it is needed to reply —
and never in logs. Reactions, edits, deletions and system messages are not answered; a "user
changed number" system message moves the registration to the new number (store/renumber.py).
Other message types get one short Dutch answer. Statuses go to ``message_status``. Configuration: ``WhatsAppSettings`` (``WIJKWIJZER_WHATSAPP_*``), see
docs/whatsapp.md.
"""
