# The accessibility statement over real HTTP: /tilgaengelighed answers
# without a log-in, in Danish (lang="da") and in English (lang="en"), with
# the parts of the EU model statement; the contact is the operator's
# setting a11y_contact, escaped, and without it the page sends the reader
# to their municipality; every page's footer (the log-in page too) links
# to it; a contact with a control character or over 300 bytes is refused.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >/dev/null
port=$(( 20000 + ($$ + 7) % 20000 ))
serve() {
    "$@" "$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
    pid=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
        i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; cat "$T/serve.log"; kill $pid; exit 1; }
        sleep 0.1
    done
}
stop() { kill -TERM $pid; wait $pid; }
trap 'kill $pid 2>/dev/null || true' EXIT

serve env OVERGANG_A11Y_CONTACT='Borgerservice, tlf. 12 34 56 78 <skriv via Digital Post>'
code=$(curl -s -o "$T/da" -w '%{http_code}' "http://127.0.0.1:$port/tilgaengelighed")
[ "$code" = 200 ] || { echo "statement answered $code"; cat "$T/da"; exit 1; }
expect_out '<html lang="da">' "$T/da"
expect_out '<h1>Tilgængelighedserklæring for overgang</h1>' "$T/da"
for h in Overensstemmelsesstatus "Indhold, der ikke er tilgængeligt" \
    "Sådan er erklæringen udarbejdet" "Feedback og kontaktoplysninger" \
    Håndhævelsesprocedure; do
    expect_out "<h2>$h</h2>" "$T/da"
done
expect_out 'delvist i overensstemmelse' "$T/da"
expect_out 'axe-core' "$T/da"
expect_out 'senest gennemgået [0-9]{2}-[0-9]{2}-[0-9]{4}' "$T/da"
expect_out 'href="https://digst.dk/' "$T/da"
# the operator's text, escaped
expect_out 'Kontakt: Borgerservice, tlf. 12 34 56 78 &lt;skriv via Digital Post&gt;' "$T/da"
if grep -q '<skriv' "$T/da"; then echo "the contact was not escaped"; exit 1; fi
if grep -q 'Kommunen har ikke skrevet en særlig kontakt' "$T/da"; then
    echo "the page says no contact is set, but one is"; exit 1
fi
curl -s -b 'ov_lang=en' "http://127.0.0.1:$port/tilgaengelighed" >"$T/en"
expect_out '<html lang="en">' "$T/en"
expect_out '<h1>Accessibility statement for overgang</h1>' "$T/en"
expect_out '<h2>Enforcement procedure</h2>' "$T/en"
expect_out 'partially compliant' "$T/en"
# the footer of every page links to it: the log-in page, an error page
curl -s "http://127.0.0.1:$port/login" >"$T/login"
expect_out '<footer>.*<a href="/tilgaengelighed">Tilgængelighedserklæring</a>' "$T/login"
curl -s -b 'ov_lang=en' "http://127.0.0.1:$port/login" >"$T/login_en"
expect_out '<a href="/tilgaengelighed">Accessibility statement</a>' "$T/login_en"
curl -s "http://127.0.0.1:$port/tilgaengelighed" | grep -q '<footer>.*href="/tilgaengelighed"' ||
    { echo "the statement's own footer has no link"; exit 1; }
stop

# no contact set: the reader is sent to their municipality, nothing made up
serve env
curl -s "http://127.0.0.1:$port/tilgaengelighed" >"$T/none"
expect_out 'Kommunen har ikke skrevet en særlig kontakt' "$T/none"
if grep -q 'class="a11y-contact"' "$T/none"; then echo "a contact line without a contact"; exit 1; fi
stop
trap - EXIT

expect_fail 2 "OVERGANG_A11Y_CONTACT: the contact holds a control character" \
    env OVERGANG_A11Y_CONTACT="$(printf 'a\tb')" "$OVERGANG" config
long=$(head -c 301 /dev/zero | tr '\0' x)
expect_fail 2 "OVERGANG_A11Y_CONTACT: 301 bytes is too long" \
    env OVERGANG_A11Y_CONTACT="$long" "$OVERGANG" config
