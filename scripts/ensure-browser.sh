#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; Chinese text needs the Noto CJK fonts.
# Installs both when missing (as root), otherwise says what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "安装浏览器测试所需的 chromium 与 fonts-noto-cjk …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "浏览器测试需要 /usr/bin/chromium 和中文字体：请以 root 运行 apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
