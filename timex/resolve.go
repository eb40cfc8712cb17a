package timex

import (
	"time"

	"github.com/dossier-project/dossier"
)

// futureSlack is how far after the reference date a year-less "July 26" may
// fall: articles announce events in the coming weeks, but a date further
// ahead more likely belongs to the past year.
const futureSlack = 45 * 24 * time.Hour

// Resolve turns e into a Timex. ref is the publication date; when it is zero
// only expressions that carry their own year resolve. ok is false when the
// expression cannot be pinned down (or contradicts itself).
func (e Expr) Resolve(ref time.Time) (dossier.Timex, bool) {
	out := dossier.Timex{Span: e.Span}
	hasRef := !ref.IsZero()
	if hasRef {
		ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	switch e.Kind {
	case KindCalendar:
		switch {
		case e.Year > 0 && e.Month > 0 && e.Day > 0:
			if !validDate(e.Year, e.Month, e.Day) {
				return out, false
			}
			if e.Weekday > 0 && isoWeekday(date(e.Year, e.Month, e.Day)) != e.Weekday {
				return out, false // "Monday 3 March 2021" contradicts itself: trust neither
			}
			return dayTimex(out, date(e.Year, e.Month, e.Day), false), true
		case e.Year > 0 && e.Month > 0:
			out.Value, out.Precision = formatISO(e.Year, e.Month, 0), dossier.PrecisionMonth
			return out, true
		case e.Year > 0 && e.Day == 0:
			out.Value, out.Precision = formatISO(e.Year, 0, 0), dossier.PrecisionYear
			return out, true
		case !hasRef:
			return out, false
		case e.Month > 0 && e.Day > 0:
			d, ok := nearestMonthDay(ref, e.Month, e.Day, e.Weekday)
			if !ok {
				return out, false
			}
			return dayTimex(out, d, true), true
		case e.Month > 0:
			y := ref.Year()
			if time.Month(e.Month) > ref.Month() {
				y-- // "in October" read in August: last October
			}
			out.Value, out.Precision, out.Relative = formatISO(y, e.Month, 0), dossier.PrecisionMonth, true
			return out, true
		case e.Day > 0 && e.Weekday > 0:
			// "mardi 13": the closest such date around the reference.
			for delta := 0; delta <= 45; delta++ {
				for _, d := range []time.Time{ref.AddDate(0, 0, -delta), ref.AddDate(0, 0, delta)} {
					if d.Day() == e.Day && isoWeekday(d) == e.Weekday {
						return dayTimex(out, d, true), true
					}
				}
			}
			return out, false
		}
	case KindWeekday:
		if !hasRef || e.Weekday < 1 || e.Weekday > 7 {
			return out, false
		}
		back := (isoWeekday(ref) - e.Weekday + 7) % 7
		var d time.Time
		switch e.Direction {
		case 0:
			d = ref.AddDate(0, 0, -back)
		case -1:
			if back == 0 {
				back = 7
			}
			d = ref.AddDate(0, 0, -back)
		default:
			fwd := (e.Weekday - isoWeekday(ref) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			d = ref.AddDate(0, 0, fwd)
		}
		return dayTimex(out, d, true), true
	case KindOffset:
		if !hasRef {
			return out, false
		}
		out.Relative = true
		switch e.Unit {
		case UnitDay:
			return dayTimex(out, ref.AddDate(0, 0, e.Offset), true), true
		case UnitWeek:
			// A week-level expression has no day precision of its own: anchor it on
			// the same weekday, which is the conventional reading of "a week ago".
			return dayTimex(out, ref.AddDate(0, 0, 7*e.Offset), true), true
		case UnitMonth:
			d := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, e.Offset, 0)
			out.Value, out.Precision = formatISO(d.Year(), int(d.Month()), 0), dossier.PrecisionMonth
			return out, true
		case UnitYear:
			out.Value, out.Precision = formatISO(ref.Year()+e.Offset, 0, 0), dossier.PrecisionYear
			return out, true
		}
	}
	return out, false
}

// nearestMonthDay picks the year of a year-less day and month: the latest
// occurrence no later than futureSlack after ref, that also falls on weekday
// when one is given (within a year of ref, else it fails).
func nearestMonthDay(ref time.Time, month, day, weekday int) (time.Time, bool) {
	return monthDayWithin(ref, month, day, weekday, 1)
}

// monthDayWithin is nearestMonthDay looking back years years from ref.
func monthDayWithin(ref time.Time, month, day, weekday, years int) (time.Time, bool) {
	limit := ref.Add(futureSlack)
	for y := ref.Year() + 1; y >= ref.Year()-years; y-- {
		if !validDate(y, month, day) {
			continue
		}
		d := date(y, month, day)
		if d.After(limit) {
			continue
		}
		if weekday > 0 && isoWeekday(d) != weekday {
			continue
		}
		if ref.Sub(d) > time.Duration(years)*366*24*time.Hour {
			return time.Time{}, false
		}
		return d, true
	}
	return time.Time{}, false
}

func dayTimex(t dossier.Timex, d time.Time, relative bool) dossier.Timex {
	t.Value, t.Precision, t.Relative = formatISO(d.Year(), int(d.Month()), d.Day()), dossier.PrecisionDay, relative
	return t
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// isoWeekday numbers Monday 1 … Sunday 7, as the lexicons do.
func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func validDate(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return date(y, m, d).Day() == d
}

// ValidDate reports whether year-month-day exists in the Gregorian calendar.
func ValidDate(y, m, d int) bool { return validDate(y, m, d) }

// IsoWeekday numbers t's weekday Monday 1 … Sunday 7, as Expr.Weekday does.
func IsoWeekday(t time.Time) int { return isoWeekday(t) }

// formatISO writes 2006, 2006-01 or 2006-01-02 (month or day 0 = absent) with one allocation.
func formatISO(y, m, d int) string {
	if y < 0 || y > 9999 {
		y = 0
	}
	buf := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	n := 4
	if m > 0 {
		buf[4], buf[5], buf[6] = '-', byte('0'+m/10%10), byte('0'+m%10)
		n = 7
		if d > 0 {
			buf[7], buf[8], buf[9] = '-', byte('0'+d/10%10), byte('0'+d%10)
			n = 10
		}
	}
	return string(buf[:n])
}
