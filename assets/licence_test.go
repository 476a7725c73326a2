package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"os"
	"strings"
	"testing"
)

// gpl3SHA256 is the SHA-256 of the GPL version 3 text as the FSF publishes
// it (https://www.gnu.org/licenses/gpl-3.0.txt, Debian's
// /usr/share/common-licenses/GPL-3).
const gpl3SHA256 = "3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986"

// TestLicence: LICENSE is the GPL version 3, word for word, and the
// embedded notices (shown in the app) carry it; the AppStream metainfo
// declares the app GPL-3.0-or-later and itself CC0-1.0; README and the
// notices say GPL-3.0-or-later.
func TestLicence(t *testing.T) {
	b, err := os.ReadFile("../LICENSE")
	if err != nil {
		t.Fatalf("the repository has no licence: %v", err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != gpl3SHA256 {
		t.Errorf("LICENSE is not the GPL-3.0 text (SHA-256 %s)", got)
	}
	if debian, err := os.ReadFile("/usr/share/common-licenses/GPL-3"); err == nil && string(debian) != string(b) {
		t.Error("LICENSE differs from /usr/share/common-licenses/GPL-3")
	}

	const path = "linux/io.github.spineroutine.SpineRoutine.metainfo.xml"
	x, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Project  string `xml:"project_license"`
		Metadata string `xml:"metadata_license"`
	}
	if err := xml.Unmarshal(x, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if m.Project != "GPL-3.0-or-later" || m.Metadata != "CC0-1.0" {
		t.Errorf("%s: project_license %q, metadata_license %q; want GPL-3.0-or-later and CC0-1.0", path, m.Project, m.Metadata)
	}

	var shown bool
	for _, n := range parseNotices(Notices) {
		if strings.HasPrefix(n.title, "GNU General Public License, version 3") {
			shown = n.text == strings.Trim(string(b), "\n")
		}
	}
	if !shown {
		t.Error("the notices the app shows do not end with LICENSE's text (run make notices)")
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for what, text := range map[string]string{"README.md": string(readme), "NOTICES": Notices} {
		if !strings.Contains(text, "GPL-3.0-or-later") {
			t.Errorf("%s does not say the app is GPL-3.0-or-later", what)
		}
	}
}
