"""Check privacy_dev4: found values are substrings, BSN/onderwijsnummer checksums, postcodes, counts."""
import collections, os, re, sys
import yaml
from stdnum.nl import bsn, onderwijsnummer

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {'naam', 'bsn', 'onderwijsnummer', 'leerlingnummer', 'geboortedatum', 'telefoon',
         'email', 'handle', 'adres', 'postcode', 'singling_out'}
PC4 = [(2491, 2599), (2260, 2275), (2280, 2289)]
errors = []
pii = yaml.safe_load(open(os.path.join(HERE, 'pii.yaml'), encoding='utf-8'))
clean = yaml.safe_load(open(os.path.join(HERE, 'clean.yaml'), encoding='utf-8'))

kind_items = collections.Counter()
for i, it in enumerate(pii):
    assert set(it) == {'text', 'kinds', 'found'}, (i, it)
    t = it['text']
    if not it['found']:
        errors.append(f'pii {i}: empty found')
    for k in it['kinds']:
        if k not in KINDS:
            errors.append(f'pii {i}: unknown kind {k}')
        kind_items[k] += 1
    if 'singling_out' in it['kinds'] and len(it['kinds']) > 1:
        errors.append(f'pii {i}: singling_out mixed with other kinds')
    for v in it['found']:
        if not isinstance(v, str) or v not in t:
            errors.append(f'pii {i}: found {v!r} not in text')
    digits = lambda s: re.sub(r'\D', '', s)
    if 'bsn' in it['kinds']:
        cands = [v for v in it['found'] if len(digits(v)) == 9 and not digits(v).startswith('10')]
        if not cands or not all(bsn.is_valid(digits(v)) for v in cands):
            errors.append(f'pii {i}: bsn check failed {cands}')
    if 'onderwijsnummer' in it['kinds']:
        cands = [v for v in it['found'] if digits(v).startswith('10') and len(digits(v)) == 9]
        if not cands or not all(onderwijsnummer.is_valid(digits(v)) for v in cands):
            errors.append(f'pii {i}: onderwijsnummer check failed {cands}')
    if 'postcode' in it['kinds']:
        for m in re.finditer(r'\b(\d{4}) ?([a-zA-Z]{2})\b', t):
            n, letters = int(m.group(1)), m.group(2).upper()
            if not any(a <= n <= b for a, b in PC4) or letters in ('SA', 'SD', 'SS'):
                errors.append(f'pii {i}: postcode {m.group(0)} out of range')
for i, it in enumerate(clean):
    assert set(it) == {'text', 'note'}, (i, it)
    if not it['note']:
        errors.append(f'clean {i}: empty note')
texts = [it['text'] for it in pii] + [it['text'] for it in clean]
for t, c in collections.Counter(texts).items():
    if c > 1:
        errors.append(f'duplicate text: {t}')

# names from pii must not occur as words in clean texts
names = {v.lower() for it in pii for v in it['found'] if 'naam' in it['kinds'] and re.fullmatch(r"[^\d@]+", v) and ' ' not in v and '.' not in v}
allowed = {'roos'}  # 'roos' is used as a flower in clean.yaml on purpose
for i, it in enumerate(clean):
    words = set(re.findall(r"[\w'-]+", it['text'].lower()))
    hit = (words & names) - allowed
    if hit:
        errors.append(f'clean {i}: contains a pii name {hit}: {it["text"]}')

# share of names typed lower case
naam_vals = [v for it in pii if 'naam' in it['kinds'] for v in it['found']
             if not re.search(r'\d|@', v) and v[:1].isalpha()]
lower = [v for v in naam_vals if v[0].islower()]
print(f'pii items: {len(pii)}   clean items: {len(clean)}')
print('items per kind:', dict(sorted(kind_items.items(), key=lambda x: -x[1])))
print('items with more than one kind:', sum(len(it['kinds']) > 1 for it in pii))
print(f'name values: {len(naam_vals)} (approx., includes a few non-name values), lower case: {len(lower)}')
print('clean notes:', dict(collections.Counter(it['note'].split(' (')[0].split(',')[0] for it in clean).most_common()))
print('ERRORS:' if errors else 'OK', *errors, sep='\n')
sys.exit(1 if errors else 0)
