#!/usr/bin/env bash
# The tests use Debian programs: Chromium and the Noto CJK fonts for the browser tests (Chinese
# renders as boxes without them; the analysis report's charts are drawn with Droid Sans Fallback,
# about five times faster than with Noto), LibreOffice Calc to make spreadsheets "by another program",
# LibreOffice Writer to turn record forms into PDF and poppler-utils to read and render those PDFs.
# Installs what is missing when run as root; otherwise says what to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -i 'Droid Sans Fallback' >/dev/null || missing+=(fonts-droid-fallback)
dpkg -s libreoffice-calc >/dev/null 2>&1 || missing+=(libreoffice-calc)
dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "安装测试所需的系统软件包：${missing[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "测试需要这些系统软件包：${missing[*]}。请以 root 运行 apt-get install -y ${missing[*]}" >&2
exit 1
