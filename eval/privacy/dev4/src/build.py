import sys, yaml
sys.path.insert(0, __import__('os').path.dirname(__file__))
from pii_src import ITEMS as P
from clean_src import ITEMS as C
out = __import__('os').path.dirname(__file__) + '/../'
pii = []
for text, f in P:
    kinds = []
    for k, v in f:
        if k not in kinds: kinds.append(k)
    pii.append({'text': text, 'kinds': kinds, 'found': [v for k, v in f]})
clean = [{'text': t, 'note': n} for t, n in C]
def dump(obj, path, head):
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(head)
        yaml.safe_dump(obj, fh, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
dump(pii, out + 'pii.yaml', '# privacy_dev4: texts with personal data about a child. Hand-written, see README.md\n')
dump(clean, out + 'clean.yaml', '# privacy_dev4: clean signals built around near-misses. Hand-written, see README.md\n')
