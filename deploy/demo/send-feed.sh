#!/usr/bin/env bash
# Sends the day's demo death feed and DCI notify message written by load-city.sh, prints the per-row
# import report, the stopped benefits of one person and the curl lines to read them. Optional argument:
# the day of the files (yyyy-MM-dd, default today in Asia/Shanghai).
source "$(dirname "$0")/common.sh"
run_bench DemoFeedSender "$@"
