// Package pdftext sets text of any script on an fpdf page so that every
// character is printed and the text stays extractable.
//
// fpdf's own Unicode fonts map each character to one glyph of one TrueType
// font (CID = code point, in the Basic Multilingual Plane only: a
// character above U+FFFF makes it panic), so they can neither shape
// joining scripts (Arabic), reorder Indic vowel signs (Devanagari), nor
// use the CFF fonts most CJK fonts are. This package does the text layout
// itself with github.com/go-text/typesetting: a paragraph is split into
// runs by bidi level, script and font (the Go fonts first, then the
// system's fonts, found by fontscan in the fontconfig folders), each run
// is shaped by the HarfBuzz port, lines are wrapped at UAX #14 breaks
// and laid out in visual order. A run is then drawn in one of two ways:
//
//   - Left-to-right text in a Go font is ordinary PDF text in the Go
//     font fpdf embeds (selectable, searchable, small).
//   - Any other run (another font, or right-to-left) is drawn as the
//     shaped glyphs' outlines, filled in the text colour, and under each
//     glyph cluster its characters are written again as invisible text
//     (rendering mode 3) in the Go font, stretched (Tz) to the cluster's
//     width: what OCR'd PDFs do. The page shows the shaped glyphs; a text
//     extractor (pdftotext, a screen reader, copy and paste) reads the
//     characters in logical order, clusters placed in visual order as a
//     real right-to-left PDF has them.
//
// A character that no font has is printed as a replacement (□, or ? when
// no font has □); Fonts.Unprintable lists them so that the caller can say
// so. No string makes the package panic or draw a font's .notdef glyph;
// Writer.Notdef counts any that were drawn anyway.
package pdftext
