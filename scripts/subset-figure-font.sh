#!/bin/sh
# How data/fonts/NotoSansCJKsc-Regular.subset.otf was made (run once; the result is committed).
# Needs Debian's fonts-noto-cjk and fontTools (python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools).
set -eu
python3 - > /tmp/figure-font-chars.txt <<'PY'
ranges = [(0x20, 0x7F), (0xA0, 0x100), (0x2010, 0x2028), (0x2030, 0x2034), (0x3000, 0x3040), (0xFF01, 0xFF5F), (0x4E00, 0xA000)]
print(''.join(chr(c) for a, b in ranges for c in range(a, b)) + '℃№')
PY
/tmp/ft/bin/pyftsubset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --text-file=/tmp/figure-font-chars.txt --layout-features='' --no-hinting --name-IDs='*' \
  --output-file=data/fonts/NotoSansCJKsc-Regular.subset.otf
