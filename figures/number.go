package figures

// numExpr is a number as written: digits ("10,000", "1,2 million", "$5m"),
// words ("twenty-one", "deux mille", "a dozen") or both ("3 milliards").
type numExpr struct {
	start, end int
	value      float64
	// approx marks amounts given by an approximation word ("une cinquantaine").
	approx bool
	// yearLike marks four plain digits that read as a year ("2017").
	yearLike bool
	// currency is the unit given by a currency symbol, or unitNone.
	currency uint8
	// lone marks a count of one ("one", "un", "1"): kept only as a casualty.
	lone bool
}

// maxDigits bounds the digits of one number: longer runs are identifiers,
// phone numbers or junk, never counts.
const maxDigits = 13

// parseNumber parses the number expression whose first word starts at ws.
// skip is where scanning should resume when there is none, so that a
// rejected "2005-2006" or "17-year-old" is not re-read piece by piece.
func (s *scanner) parseNumber(ws int) (ex numExpr, skip int, ok bool) {
	if isDigit(s.t[ws]) {
		return s.parseDigits(ws)
	}
	return s.parseWords(ws)
}

// skipNumberish moves past digits and the punctuation that glues them into
// dates, times, versions and ranges.
func (s *scanner) skipNumberish(j int) int {
	for j < s.hi {
		c := s.t[j]
		if isDigit(c) || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
			j++
			continue
		}
		if (c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && j+1 < s.hi && (isDigit(s.t[j+1]) || c == '-') {
			j++
			continue
		}
		break
	}
	return j
}

// digitRun returns the end of the run of ASCII digits starting at i.
func (s *scanner) digitRun(i int) int {
	for i < s.hi && isDigit(s.t[i]) {
		i++
	}
	return i
}

// groupAfter reports whether a thousands group of exactly three digits
// starts at i, returning its end.
func (s *scanner) groupAfter(i int) (int, bool) {
	if i+3 > s.hi {
		return 0, false
	}
	e := s.digitRun(i)
	return e, e == i+3
}

// lakhGroups reads the South Asian grouping after a number's first one or
// two digits ending at i: comma groups of two digits, then one of three
// ("12,34,567" is 1,234,567; "2,45,310"). It returns the end and the value.
func (s *scanner) lakhGroups(i int, value float64) (int, float64, bool) {
	pairs := 0
	for i+1 < s.hi && s.t[i] == ',' {
		e := s.digitRun(i + 1)
		switch e - i - 1 {
		case 2:
			value = value*100 + digitsValue(s.t[i+1:e])
			pairs++
			i = e
			continue
		case 3:
			if pairs == 0 {
				return 0, 0, false
			}
			return e, value*1000 + digitsValue(s.t[i+1:e]), true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// spaceSep returns the length of a space that may group thousands at i, or 0.
func (s *scanner) spaceSep(i int) int {
	if i >= s.hi {
		return 0
	}
	switch {
	case s.t[i] == ' ' && s.m.spaceThousands:
		return 1
	case s.t[i] == 0xC2 && i+1 < s.hi && s.t[i+1] == 0xA0: // no-break space
		return 2
	case s.t[i] == 0xE2 && i+2 < s.hi && s.t[i+1] == 0x80 && (s.t[i+2] == 0xAF || s.t[i+2] == 0x89): // narrow no-break, thin
		return 3
	}
	return 0
}

func digitsValue(t string) float64 {
	v := 0.0
	for i := 0; i < len(t); i++ {
		v = v*10 + float64(t[i]-'0')
	}
	return v
}

func (s *scanner) parseDigits(ws int) (ex numExpr, skip int, ok bool) {
	reject := func(j int) (numExpr, int, bool) { return numExpr{}, s.skipNumberish(j), false }
	// Glued to a preceding word, sign or separator: "F-16", "+33", "9/11", "1.2.3".
	if ws > s.lo {
		r, _ := s.runeBefore(ws)
		switch {
		case isWordRune(r), r == '/', r == '-', r == '–', r == '.', r == ',', r == '+', r == '#', r == '№', r == '°', r == ':':
			return reject(ws)
		}
	}
	j := s.digitRun(ws)
	firstLen := j - ws
	if firstLen > maxDigits || (firstLen > 1 && s.t[ws] == '0') {
		return reject(j)
	}
	value := digitsValue(s.t[ws:j])
	grouped, decimal := false, false
	if e, v, ok := s.lakhGroups(j, value); ok && firstLen <= 2 {
		value, j, grouped = v, e, true // "12,34,567": South Asian grouping
	}
	if firstLen <= 3 && !grouped {
		for j < s.hi {
			c := s.t[j]
			if c == ',' || (c == '.' && s.m.decimalComma) {
				if e, ok := s.groupAfter(j + 1); ok {
					value = value*1000 + digitsValue(s.t[j+1:e])
					j, grouped = e, true
					continue
				}
			}
			if n := s.spaceSep(j); n > 0 {
				if e, ok := s.groupAfter(j + n); ok {
					value = value*1000 + digitsValue(s.t[j+n:e])
					j, grouped = e, true
					continue
				}
			}
			break
		}
	}
	if j+1 < s.hi && (s.t[j] == '.' || s.t[j] == ',') && isDigit(s.t[j+1]) {
		e := s.digitRun(j + 1)
		if e-j-1 > maxDigits {
			return reject(e)
		}
		frac, scale := 0.0, 1.0
		for k := j + 1; k < e; k++ {
			frac = frac*10 + float64(s.t[k]-'0')
			scale *= 10
		}
		value += frac / scale
		j, decimal = e, true
		// "1.2.3", "22.03.2016": versions and dates.
		if j+1 < s.hi && (s.t[j] == '.' || s.t[j] == ',') && isDigit(s.t[j+1]) {
			return reject(j)
		}
	}
	ex = numExpr{start: ws, end: j, value: value}
	scaled := false
	if j < s.hi {
		r, n := s.runeAt(j)
		switch {
		case isWordRune(r):
			// Letters glued to the digits: only a scale ("2bn", "5m") is allowed;
			// "17th", "1990s", "10km" are not counts.
			e := s.wordEnd(j)
			wi := s.lookup(j, e)
			if wi == nil || wi.flags&fMultiplier == 0 || e < s.hi && isHyphen(rune(s.t[e])) {
				return reject(e)
			}
			ex.value *= wi.mult
			ex.end, scaled = e, true
		case isHyphen(r), r == '–', r == '/', r == '%', r == '°', r == '‰':
			return reject(j + n)
		case r == ':' || r == 'h':
			if j+1 < s.hi && isDigit(s.t[j+1]) { // "19:48"
				return reject(j + 1)
			}
		case r == ')':
			// "(24)": an age or a reference, not a count.
			if ws > s.lo && s.t[ws-1] == '(' {
				return reject(j)
			}
		}
	}
	if !scaled {
		// "1.2 million", "3 milliards", "two dozen".
		if nws, nwe, g, ok := s.next(ex.end); ok && g == gapSpace {
			if wi := s.lookup(nws, nwe); wi != nil {
				switch {
				case wi.flags&fMultiplier != 0:
					ex.value *= wi.mult
					ex.end, scaled = nwe, true
					// "2.5 lakh crore", "two thousand million": a larger
					// scale after the first multiplies again.
					if nws, nwe, g, ok := s.next(ex.end); ok && g == gapSpace {
						if wj := s.lookup(nws, nwe); wj != nil && wj.flags&fMultiplier != 0 && wj.mult > wi.mult && wi.mult >= 1000 {
							ex.value *= wj.mult
							ex.end = nwe
						}
					}
				case wi.flags&fApprox != 0:
					ex.value *= wi.approx
					ex.end, scaled, ex.approx = nwe, true, true
				}
			}
		}
	}
	// "%" after a space.
	if k := s.skipSpaces(ex.end); k < s.hi && s.t[k] == '%' {
		return reject(k + 1)
	}
	ex.yearLike = !grouped && !decimal && !scaled && firstLen == 4 && value >= 1000 && value <= 2100
	s.currencyAround(&ex)
	return ex, ex.end, true
}

// skipSpaces moves past plain and no-break spaces.
func (s *scanner) skipSpaces(i int) int {
	for i < s.hi {
		if s.t[i] == ' ' {
			i++
			continue
		}
		if n := s.spaceSepAny(i); n > 0 {
			i += n
			continue
		}
		break
	}
	return i
}

func (s *scanner) spaceSepAny(i int) int {
	if s.t[i] == ' ' {
		return 1
	}
	switch {
	case s.t[i] == 0xC2 && i+1 < s.hi && s.t[i+1] == 0xA0:
		return 2
	case s.t[i] == 0xE2 && i+2 < s.hi && s.t[i+1] == 0x80 && (s.t[i+2] == 0xAF || s.t[i+2] == 0x89):
		return 3
	}
	return 0
}

// currencyAround extends ex over a currency symbol written just before
// ("$5 million", "US$ 20") or just after ("15 €") the number.
func (s *scanner) currencyAround(ex *numExpr) {
	b := ex.start
	if b > s.lo && s.t[b-1] == ' ' {
		b--
	}
	for _, sym := range s.m.symbols {
		st := b - len(sym.text)
		if st < s.lo || s.t[st:b] != sym.text {
			continue
		}
		// "A$5" is another dollar.
		if st > s.lo {
			if r, _ := s.runeBefore(st); isWordRune(r) {
				continue
			}
		}
		ex.start, ex.currency = st, sym.unit
		return
	}
	a := ex.end
	if a < s.hi && s.t[a] == ' ' {
		a++
	}
	for _, sym := range s.m.symbols {
		e := a + len(sym.text)
		if e > s.hi || s.t[a:e] != sym.text {
			continue
		}
		if e < s.hi {
			if r, _ := s.runeAt(e); isWordRune(r) {
				continue
			}
		}
		ex.end, ex.currency = e, sym.unit
		return
	}
}

// piece is one hyphen-separated part of a number word ("vingt" in "vingt-deux").
type piece struct {
	start, end int
	hyphen     bool // joined to the previous piece by a hyphen
	wordEnd    int  // end of the word holding the piece
}

const maxPieces = 12

// pieces cuts the words from ws on into hyphen pieces, following words
// separated by spaces only while they may continue a number.
func (s *scanner) pieces(ws int, out *[maxPieces]piece) int {
	n := 0
	we := s.wordEnd(ws)
	for n < maxPieces {
		first := true
		for i := ws; i < we && n < maxPieces; {
			e := i
			for e < we {
				r, size := s.runeAt(e)
				if isHyphen(r) {
					break
				}
				e += size
			}
			out[n] = piece{start: i, end: e, hyphen: !first, wordEnd: we}
			n++
			first = false
			if e < we {
				_, size := s.runeAt(e)
				e += size
			}
			i = e
		}
		nws, nwe, g, ok := s.next(we)
		if !ok || g != gapSpace || !s.continuesNumber(nws, nwe) {
			break
		}
		ws, we = nws, nwe
	}
	return n
}

// continuesNumber reports whether the word t[ws:we), or its first hyphen
// piece ("vingt-deux"), is a number word, multiplier, approximation,
// connector or article ("half a million": parseWords decides).
func (s *scanner) continuesNumber(ws, we int) bool {
	const roles = fNumber | fMultiplier | fApprox | fConnector | fArticle
	if s.flags(ws, we)&roles != 0 {
		return true
	}
	for i := ws; i < we; {
		r, size := s.runeAt(i)
		if isHyphen(r) {
			return s.flags(ws, i)&roles != 0
		}
		i += size
	}
	return false
}

// startsNumber reports whether the word t[ws:we), or its first hyphen piece
// ("Twenty-one"), is a number word, multiplier or approximation.
func (s *scanner) startsNumber(ws, we int) bool {
	const roles = fNumber | fMultiplier | fApprox
	if s.mayStartNumber(ws, we) && s.flags(ws, we)&roles != 0 {
		return true
	}
	for i := ws; i < we; i++ {
		if s.t[i] == '-' {
			return s.mayStartNumber(ws, i) && s.flags(ws, i)&roles != 0
		}
	}
	return false
}

// parseWords parses a number written in words from ws: "twenty-one",
// "two hundred and fifty", "vingt et un", "quatre-vingt-dix", "deux mille",
// "a dozen", "une cinquantaine", "a hundred".
func (s *scanner) parseWords(ws int) (ex numExpr, skip int, ok bool) {
	var ps [maxPieces]piece
	n := s.pieces(ws, &ps)
	total, cur, last := 0.0, 0.0, 0.0
	have, lastMult, afterConnector := false, false, false
	end := ws
	// The article before a multiplier or an approximation: "a hundred", "une cinquantaine".
	articleStart := -1
	if aws, awe, g, ok := s.prev(ws); ok && g == gapSpace && s.flags(aws, awe)&fArticle != 0 {
		articleStart = aws
	}
	articleUsed := false
	k := 0
loop:
	for k < n {
		p := ps[k]
		pe := p.end
		var wi *wordInfo
		// Two hyphen pieces may form one entry: "quatre-vingt".
		if k+1 < n && ps[k+1].hyphen {
			if wj := s.lookup(p.start, ps[k+1].end); wj != nil && wj.flags&(fNumber|fMultiplier) != 0 {
				wi, pe = wj, ps[k+1].end
				k++
			}
		}
		if wi == nil {
			wi = s.lookup(p.start, p.end)
		}
		if wi == nil {
			break
		}
		f := wi.flags
		switch {
		case f&fNumber != 0:
			v := wi.number
			if have {
				joined := afterConnector || p.hyphen || lastMult && v < last || last >= 20 && int(last)%10 == 0 && v < 10
				if !joined || !lastMult && v >= last {
					break loop
				}
			}
			cur += v
			last, lastMult, have, afterConnector = v, false, true, false
			end = pe
		case f&fMultiplier != 0:
			if !have {
				if articleStart < 0 && f&fBareMultiplier == 0 {
					// "millions of euros", "hundreds": no nominal value.
					return numExpr{}, s.wordEnd(p.start), false
				}
				articleUsed = articleStart >= 0
			}
			if m := wi.mult; lastMult && cur == 0 && last >= 1000 && m > last {
				// "two thousand million", "deux cent mille milliards": a
				// larger scale right after another multiplies what came.
				total *= m
				last, end = m, pe
				break
			}
			if cur == 0 {
				cur = 1
			}
			if m := wi.mult; m >= 1000 {
				total += cur * m
				cur = 0
			} else {
				cur *= m
			}
			last, lastMult, have, afterConnector = wi.mult, true, true, false
			end = pe
		case f&fApprox != 0:
			if !have {
				if articleStart < 0 {
					return numExpr{}, s.wordEnd(p.start), false
				}
				articleUsed = true
			}
			if cur == 0 {
				cur = 1
			}
			cur *= wi.approx
			ex.approx, have = true, true
			end = pe
			k++
			break loop
		case f&fArticle != 0 && have && last < 1 && !lastMult && k+1 < n &&
			s.lookup(ps[k+1].start, ps[k+1].end) != nil && s.lookup(ps[k+1].start, ps[k+1].end).flags&fMultiplier != 0:
			// "half a million": the article between a fraction and its multiplier.
		case f&fConnector != 0 && have && !afterConnector && k+1 < n:
			// "vingt et un", "hundred and fifty": only before a smaller number.
			nx := s.lookup(ps[k+1].start, ps[k+1].end)
			if nx == nil || nx.flags&fNumber == 0 {
				break loop
			}
			if !(lastMult && nx.number < last || !lastMult && last >= 20 && nx.number < 12) {
				break loop
			}
			afterConnector = true
		default:
			break loop
		}
		k++
	}
	if !have {
		return numExpr{}, s.wordEnd(ws), false
	}
	// A number may not stop inside a hyphenated word: "seventeen-year-old",
	// "trois-quarts", "Deux-Sèvres".
	if k < n && k > 0 && ps[k].hyphen {
		return numExpr{}, ps[k].wordEnd, false
	}
	ex.start, ex.end = ws, end
	if articleUsed {
		ex.start = articleStart
	}
	ex.value = total + cur
	if ex.value < 1 {
		return numExpr{}, end, false
	}
	// A lone "one"/"un"/"une" is an article or pronoun far more often than
	// a count: a casualty's count alone ("one officer was wounded", "ont
	// perdu un soldat").
	ex.lone = ex.value == 1
	// "cinq %".
	if j := s.skipSpaces(ex.end); j < s.hi && s.t[j] == '%' {
		return numExpr{}, j + 1, false
	}
	return ex, ex.end, true
}
