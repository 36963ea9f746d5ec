# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from bisect import bisect_right
from datetime import timedelta

from pytz import utc

from odoo import models

# How far ahead the next working moment of a calendar is looked for.
NEXT_WORK_SEARCH_DAYS = 14


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _cs_work_hours_batch(self, spans):
        """Working hours of this calendar inside each ``(start, stop)`` span.

        ``spans`` holds naive UTC datetimes (as the ORM stores them); a span with a
        missing end or ending before it starts counts 0. The calendar's work
        intervals (in its time zone, public holidays and other global leaves taken
        out) are read once for the union of the spans, then each span is measured
        by bisection on the cumulated working time.
        """
        self.ensure_one()
        valid = [(start, stop) for start, stop in spans if start and stop and stop > start]
        if not valid:
            return [0.0] * len(spans)
        lower = utc.localize(min(start for start, __ in valid))
        upper = utc.localize(max(stop for __, stop in valid))
        starts, stops, worked_before = [], [], [0.0]
        for start, stop, __ in self._work_intervals_batch(lower, upper)[False]:
            start = start.astimezone(utc).replace(tzinfo=None)
            stop = stop.astimezone(utc).replace(tzinfo=None)
            starts.append(start)
            stops.append(stop)
            worked_before.append(worked_before[-1] + (stop - start).total_seconds())

        def worked_until(moment):
            index = bisect_right(starts, moment) - 1
            if index < 0:
                return 0.0
            done = (min(moment, stops[index]) - starts[index]).total_seconds()
            return worked_before[index] + done

        return [
            (worked_until(stop) - worked_until(start)) / 3600
            if start and stop and stop > start
            else 0.0
            for start, stop in spans
        ]

    def _cs_is_working(self, moment):
        """Whether ``moment`` (naive UTC) is in this calendar's working hours,
        public holidays taken out: ``_cs_next_work_time(moment) == moment``,
        read in a one-minute window rather than days ahead (a visitor's page
        load asks it)."""
        self.ensure_one()
        start = utc.localize(moment)
        intervals = self._work_intervals_batch(start, start + timedelta(minutes=1))[False]
        return any(interval_start == start for interval_start, __, __ in intervals)

    def _cs_next_work_time(self, moment):
        """The first working moment of this calendar at or after ``moment``
        (naive UTC, as the ORM stores datetimes): ``moment`` itself during
        working hours, else the start of the next work interval in the
        calendar's time zone, public holidays taken out. None when the calendar
        has no work in the next ``NEXT_WORK_SEARCH_DAYS`` days."""
        self.ensure_one()
        start = utc.localize(moment)
        intervals = self._work_intervals_batch(start, start + timedelta(days=NEXT_WORK_SEARCH_DAYS))
        for interval_start, __, __ in intervals[False]:
            return interval_start.astimezone(utc).replace(tzinfo=None)
        return None
