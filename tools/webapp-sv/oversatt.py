#!/usr/bin/env python3
"""Swedish locale files for the Camunda 7 webapps (Cockpit, Welcome) from the webjar's en.json.

The webjar's app/<app>/locales/en.json is the source: every key it has gets a Swedish value in the
application's app/<app>/locales/sv.json. Where a value comes from, first hit wins:
  1. <app>.nycklar.json  {KEY: Swedish}       one key's own wording (context differs from the text's)
  2. Tasklist's sv.json, for a key Tasklist has with the same English text (the terms officials see)
  3. sv.tm.json          {English: Swedish}   the translation memory, shared by the apps
Placeholders ({{...}}, %s/%d, HTML tags and entities) must come through unchanged.

    python3 tools/webapp-sv/oversatt.py skriv cockpit     # writes app/cockpit/locales/sv.json
    python3 tools/webapp-sv/oversatt.py saknas cockpit    # English texts without a translation
    python3 tools/webapp-sv/oversatt.py parti cockpit 0 200 > /tmp/parti.json   # a batch to translate
    python3 tools/webapp-sv/oversatt.py lagg-till /tmp/parti.json /tmp/svenska.json  # into the memory

After a Camunda upgrade: `saknas` lists the new texts; translate them, `lagg-till`, `skriv`.
"""
import glob
import json
import os
import re
import sys
import zipfile
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
APPS = os.path.join(ROOT, 'src/main/resources/META-INF/resources/webjars/camunda/app')
TM = os.path.join(HERE, 'sv.tm.json')


def camunda_version():
    pom = open(os.path.join(ROOT, 'pom.xml'), encoding='utf-8').read()
    return re.search(r'<camunda.version>([^<]+)</camunda.version>', pom).group(1)


def webjar_json(app):
    version = camunda_version()
    jar = os.path.expanduser(
        f'~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/{version}/camunda-webapp-webjar-{version}.jar')
    with zipfile.ZipFile(jar) as z:
        text = z.read(f'META-INF/resources/webjars/camunda/app/{app}/locales/en.json').decode('utf-8-sig')
    return json.loads(text, object_pairs_hook=OrderedDict)


def load(path, default):
    if not os.path.exists(path):
        return default
    with open(path, encoding='utf-8-sig') as f:
        return json.load(f, object_pairs_hook=OrderedDict)


def save(path, data):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write('\n')


PLACEHOLDER = re.compile(r'\{\{[^}]*\}\}|%[sd]|</?(?:a|b|i|u|br|p|em|strong|span|code|pre|ul|ol|li|div|small)\b[^>]*>'
                         r'|&[a-z]+;|\{[a-zA-Z0-9_]+\}')

# Texts left out on purpose: the Camunda 8 banner and the first-login note pointing to Camunda's page
# (both switched off; Tasklist's wording is reused).
DROPPED = {'BANNER_CE_EOL_TEXT', 'FIRST_LOGIN_INFO'}


def placeholders(text):
    return sorted(re.sub(r'\s+', '', p) for p in PLACEHOLDER.findall(text))


def tasklist_pairs():
    """KEY -> (English, Swedish) for Tasklist's translated keys."""
    en = webjar_json('tasklist')['labels']
    sv = load(os.path.join(APPS, 'tasklist/locales/sv.json'), {'labels': {}})['labels']
    return {k: (en[k], sv[k]) for k in sv if k in en}


def resolve(app):
    """KEY -> Swedish or None, for every label of the app's en.json."""
    en = webjar_json(app)['labels']
    own = load(os.path.join(HERE, f'{app}.nycklar.json'), {})
    tasklist = tasklist_pairs()
    tm = load(TM, {})
    out = OrderedDict()
    for key, english in en.items():
        if key in own:
            out[key] = own[key]
        elif key in tasklist and tasklist[key][0] == english:
            out[key] = tasklist[key][1]
        elif english in tm:
            out[key] = tm[english]
        else:
            out[key] = None
    return en, out


def missing(app):
    en, sv = resolve(app)
    texts = OrderedDict()
    for key, value in sv.items():
        if value is None:
            texts.setdefault(en[key], []).append(key)
    return texts


def check(en, sv):
    problems = []
    for key, english in en.items():
        if key not in DROPPED and sv.get(key) is not None and placeholders(english) != placeholders(sv[key]):
            problems.append(f'{key}: {placeholders(english)} != {placeholders(sv[key])}')
    return problems


def write(app, allow_missing):
    source = webjar_json(app)
    en, sv = resolve(app)
    problems = check(en, sv)
    gaps = [k for k, v in sv.items() if v is None]
    for p in problems:
        print('PLATSHÅLLARE', p, file=sys.stderr)
    if problems or (gaps and not allow_missing):
        print(f'{app}: {len(gaps)} saknas, {len(problems)} fel platshållare', file=sys.stderr)
        sys.exit(1)
    result = OrderedDict()
    if 'dateLocales' in source:
        result['dateLocales'] = load(os.path.join(APPS, 'tasklist/locales/sv.json'), {})['dateLocales']
    result['labels'] = OrderedDict((k, en[k] if v is None else v) for k, v in sv.items())
    os.makedirs(os.path.join(APPS, app, 'locales'), exist_ok=True)
    save(os.path.join(APPS, app, 'locales/sv.json'), result)
    print(f'{app}: {len(sv) - len(gaps)} av {len(sv)} översatta', file=sys.stderr)


def batch(app, start, size):
    texts = list(missing(app).items())[start:start + size]
    save('/dev/stdout', [{'app': app, 'en': t, 'keys': keys[:4]} for t, keys in texts])


def add(batch_file, swedish_file):
    """Swedish list aligned with the batch; an item may be {"*": default, KEY: wording for that key}."""
    items = load(batch_file, [])
    swedish = load(swedish_file, [])
    if len(items) != len(swedish):
        sys.exit(f'{len(items)} engelska men {len(swedish)} svenska')
    tm = load(TM, OrderedDict())
    bad = []
    for item, sv in zip(items, swedish):
        english = item['en']
        variants = sv if isinstance(sv, dict) else {'*': sv}
        for key, text in variants.items():
            if placeholders(text) != placeholders(english):
                bad.append(f'{english!r} -> {text!r}')
        tm[english] = variants['*']
        for key, text in variants.items():
            if key != '*':
                app = item.get('app', 'cockpit')
                own_path = os.path.join(HERE, f'{app}.nycklar.json')
                own = load(own_path, OrderedDict())
                own[key] = text
                save(own_path, OrderedDict(sorted(own.items())))
    if bad:
        sys.exit('fel platshållare:\n' + '\n'.join(bad))
    save(TM, OrderedDict(sorted(tm.items())))
    print(f'{len(items)} tillagda, minnet har {len(tm)}', file=sys.stderr)


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'skriv':
        write(sys.argv[2], '--ofullstandig' in sys.argv)
    elif cmd == 'saknas':
        m = missing(sys.argv[2])
        print(f'{len(m)} texter ({sum(len(v) for v in m.values())} nycklar) saknas')
    elif cmd == 'parti':
        batch(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif cmd == 'lagg-till':
        add(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
