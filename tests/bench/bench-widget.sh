#!/bin/sh
# Runs the widget benchmark on a private X server.
exec xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp' env GDK_BACKEND=x11 GTK_A11Y=none "$@"
