import yaml, collections, pathlib, sys
d = pathlib.Path(__file__).parent
saf = yaml.safe_load((d/"safety.yaml").read_text(encoding="utf-8"))
look = yaml.safe_load((d/"lookalike.yaml").read_text(encoding="utf-8"))
KINDS = ["acute","suicide","self_harm","physical_abuse","emotional_abuse","neglect","sexual_abuse",
         "sexual_exploitation","domestic_violence","honour_violence","forced_marriage","achterlating","fgm"]
errs = []
for i, it in enumerate(saf):
    if set(it) != {"text","kind","acute","indirect"}: errs.append(("keys", i))
    if it["kind"] not in KINDS: errs.append(("kind", i))
    if not isinstance(it["acute"], bool) or not isinstance(it["indirect"], bool): errs.append(("bool", i))
    if not it["text"].strip(): errs.append(("empty", i))
for i, it in enumerate(look):
    if set(it) != {"text","note"} or not it["text"].strip() or not it["note"].strip(): errs.append(("look", i))
texts = [x["text"].strip().lower() for x in saf + look]
dups = [t for t, c in collections.Counter(texts).items() if c > 1]
print(f"{'kind':22} {'n':>4} {'acute':>6} {'indirect':>9}")
for k in KINDS:
    xs = [x for x in saf if x["kind"] == k]
    print(f"{k:22} {len(xs):4} {sum(x['acute'] for x in xs):6} {sum(x['indirect'] for x in xs):9}")
n = len(saf); ind = sum(x["indirect"] for x in saf); ac = sum(x["acute"] for x in saf)
print(f"{'TOTAL safety':22} {n:4} {ac:6} {ind:9}  ({ind/n:.0%} indirect)")
print("lookalikes:", len(look))
print("duplicates:", dups); print("errors:", errs)
mins = {k: (30 if k in ("acute","suicide") else 20) for k in KINDS}
ok = (not errs and not dups and n >= 260 and len(look) >= 180 and ind/n >= 0.40
      and all(sum(x["kind"]==k for x in saf) >= m for k, m in mins.items())
      and all(x["acute"] for x in saf if x["kind"]=="acute"))
print("OK" if ok else "FAIL"); sys.exit(0 if ok else 1)
