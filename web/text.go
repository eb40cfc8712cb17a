package web

import "time"

// normDate checks a YYYY, YYYY-MM or YYYY-MM-DD bound and returns it, or ok=false.
func normDate(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	digit := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	switch len(s) {
	case 4, 7, 10:
	default:
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return "", false
			}
		} else if !digit(i) {
			return "", false
		}
	}
	// The digits must make a real month and day ("2024-99" is no month).
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); err != nil {
		return "", false
	}
	return s, true
}
