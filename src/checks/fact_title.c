/* fact_title.c - one person given two incompatible roles.
 *
 * A role is read into (group, canonical role) through a table of the
 * usual names and abbreviations (CEO = chief executive = chief executive
 * officer; Sen. = senator; Rep. = representative = congressman). Within a
 * group a person holds one role at a time (a company's chief officers; the
 * elected offices; a court's justices; a flight crew); roles outside the
 * table, and roles of different groups (chairman and chief executive,
 * president and CEO, founder and CEO) are compatible.
 *
 * Bucketing: title mentions linked to a person are keyed by the person's
 * entity (the root of the coreference chain); the keys are sorted and each
 * run of equal keys is one person. Within a person and group the most
 * common role wins (ties: the first) and the others are flagged. Roles
 * marked as past or temporary (former, ex-, then-, acting, interim) are
 * not compared, and two roles are explained when one of the person's
 * sentences states a change (named, promoted, succeeded, replaced, stepped
 * down, will become...) and names both ("was named chief executive in 2023
 * after serving as CFO"). A change that names only one of them ("took over
 * as CEO in 2022") does not explain a later "CFO". */
#include "fact_common.h"

#include <stdio.h>

enum { GROUP_OFFICER = 1, GROUP_ELECTED, GROUP_COURT, GROUP_CREW };

typedef struct role_name {
    const char *name; /* lower case, dots removed, hyphens as spaces */
    int group;
    const char *canonical;
} role_name;

static const role_name roles[] = {
    {"ceo", GROUP_OFFICER, "chief executive"},
    {"chief executive", GROUP_OFFICER, "chief executive"},
    {"chief executive officer", GROUP_OFFICER, "chief executive"},
    {"cfo", GROUP_OFFICER, "chief financial officer"},
    {"chief financial officer", GROUP_OFFICER, "chief financial officer"},
    {"finance chief", GROUP_OFFICER, "chief financial officer"},
    {"finance director", GROUP_OFFICER, "chief financial officer"},
    {"coo", GROUP_OFFICER, "chief operating officer"},
    {"chief operating officer", GROUP_OFFICER, "chief operating officer"},
    {"cto", GROUP_OFFICER, "chief technology officer"},
    {"chief technology officer", GROUP_OFFICER, "chief technology officer"},
    {"chief technical officer", GROUP_OFFICER, "chief technology officer"},
    {"cio", GROUP_OFFICER, "chief information officer"},
    {"chief information officer", GROUP_OFFICER, "chief information officer"},
    {"cmo", GROUP_OFFICER, "chief marketing officer"},
    {"chief marketing officer", GROUP_OFFICER, "chief marketing officer"},
    {"general counsel", GROUP_OFFICER, "general counsel"},
    {"chief legal officer", GROUP_OFFICER, "general counsel"},
    {"sen", GROUP_ELECTED, "senator"},
    {"senator", GROUP_ELECTED, "senator"},
    {"us senator", GROUP_ELECTED, "senator"},
    {"rep", GROUP_ELECTED, "representative"},
    {"representative", GROUP_ELECTED, "representative"},
    {"congressman", GROUP_ELECTED, "representative"},
    {"congresswoman", GROUP_ELECTED, "representative"},
    {"congressperson", GROUP_ELECTED, "representative"},
    {"gov", GROUP_ELECTED, "governor"},
    {"governor", GROUP_ELECTED, "governor"},
    {"mayor", GROUP_ELECTED, "mayor"},
    {"chief justice", GROUP_COURT, "chief justice"},
    {"associate justice", GROUP_COURT, "associate justice"},
    {"captain", GROUP_CREW, "captain"},
    {"capt", GROUP_CREW, "captain"},
    {"first officer", GROUP_CREW, "first officer"},
    {"co pilot", GROUP_CREW, "first officer"},
    {"copilot", GROUP_CREW, "first officer"},
    {NULL, 0, NULL}};

/* A role that is past, future or temporary: never compared. */
static const char *const time_marks[] = {
    "former",    "ex",      "then",      "late",    "acting",   "interim",  "incoming",  "outgoing",
    "future",    "onetime", "erstwhile", "retired", "deputy",   "vice",     "assistant", "elect",
    "designate", "new",     "previous",  "past",    "longtime", "one time", NULL};

/* A change of role stated anywhere near the person: skip the person. */
static const char *const change_cues[] = {
    "named",     "appoint*",   "promot*",      "succeed*",    "successor*", "predecessor*",
    "replac*",   "step* down", "stepped down", "will become", "became",     "become*",
    "took over", "take* over", "taking over",  "previous*",   "former*",    "until",
    "serv* as",  "elected",    "re-elect*",    "election*",   "ran for",    "run* for",
    "candida*",  "nominat*",   "nominee*",     "resign*",     "retir*",     "join*",
    "hired",     "tapped",     "elevat*",      "rose to",     "interim",    "acting",
    "sworn",     "reshuffl*",  "demot*",       "ousted",      "fired",      "was then",
    NULL};

/* Normalizes a role text: lower case, dots dropped, hyphens and runs of
 * spaces as one space, a leading "the" dropped. */
static void normalize_role(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    bool space = true;
    for (; *s && n + 1 < cap; s++) {
        char c = fl_ctx_lower(*s);
        if (c == '.')
            continue;
        if (c == '-' || c == ' ' || c == '\t' || c == '\n') {
            if (!space)
                out[n++] = ' ';
            space = true;
            continue;
        }
        out[n++] = c;
        space = false;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    if (strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, n - 3);
}

/* The role in the table, or NULL; with `bare`, leading marks (former,
 * acting...) are dropped first instead of making the role unknown. */
static const role_name *find_role(const char *role, bool bare)
{
    char buf[96] = {0}; /* zeroed: the analyzer does not see that strncmp
                         * stops at the NUL, and reads p[k] past it */
    if (!role || strlen(role) >= sizeof buf)
        return NULL;
    normalize_role(role, buf, sizeof buf);
    const char *p = buf;
    for (bool again = true; again;) {
        again = false;
        for (const char *const *mark = time_marks; *mark; mark++) {
            if ((*mark)[0] != p[0])
                continue;
            size_t k = strlen(*mark);
            if (strncmp(p, *mark, k) == 0 && (p[k] == ' ' || p[k] == '\0')) {
                if (!bare)
                    return NULL;
                p += p[k] ? k + 1 : k;
                again = true;
                break;
            }
        }
    }
    for (const role_name *r = roles; r->name; r++)
        if (r->name[0] == p[0] && strcmp(p, r->name) == 0)
            return r;
    return NULL;
}

/* find_role(role, false)'s answers, kept in the workspace across
 * documents (a few role texts recur everywhere): a direct-mapped table of
 * the role texts asked about, each with its answer's index in roles (-1:
 * none). */
enum { ROLE_MEMO_SLOTS = 256, ROLE_MEMO_KEY = 52 };
typedef struct role_memo_slot {
    uint32_t hash;
    int16_t role;
    uint8_t len; /* 0: empty */
    char key[ROLE_MEMO_KEY + 1];
} role_memo_slot;

static const role_name *lookup_role(const fl_doc *doc, const char *role)
{
    if (!role)
        return NULL;
    size_t len = strlen(role);
    void **memo = len && len <= ROLE_MEMO_KEY ? fl_ctx_ws_memo(doc, FL_CTX_MEMO_TITLE_ROLE) : NULL;
    if (memo && !*memo)
        *memo = calloc(ROLE_MEMO_SLOTS, sizeof(role_memo_slot));
    if (!memo || !*memo)
        return find_role(role, false);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)role[i]) * 16777619u;
    role_memo_slot *sl = (role_memo_slot *)*memo + ((h ^ (h >> 16)) & (ROLE_MEMO_SLOTS - 1));
    if (sl->len == len && sl->hash == h && memcmp(sl->key, role, len) == 0)
        return sl->role >= 0 ? &roles[sl->role] : NULL;
    const role_name *r = find_role(role, false);
    sl->hash = h;
    sl->role = r ? (int16_t)(r - roles) : -1;
    sl->len = (uint8_t)len;
    memcpy(sl->key, role, len);
    return r;
}

/* A bit per canonical role: the index of its first table entry. */
static uint64_t role_bit(const role_name *r)
{
    for (const role_name *q = roles; q->name; q++)
        if (strcmp(q->canonical, r->canonical) == 0)
            return (uint64_t)1 << ((size_t)(q - roles) & 63);
    return 0;
}

/* The roles a sentence names for the person with `key`: the person's own
 * title mentions and role words standing free (not in another person's
 * title), as bits. "was named chief executive after serving as CFO" names
 * two. */
static uint64_t sentence_roles(fl_doc *doc, size_t s, const char *key)
{
    const fl_sentence *sen = FL_DOC_SENTENCE(doc, s);
    char *buf = fl_arena_alloc(doc->arena, sen->len + 3);
    if (!buf)
        return 0;
    memcpy(buf + 1, doc->prose.text + sen->off, sen->len);
    uint64_t bits = 0;
    /* the sentence's title mentions: the person's count, all are blanked */
    size_t lo = 0, hi = doc->mentions.count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (FL_DOC_MENTION(doc, mid)->off < sen->off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < doc->mentions.count; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (m->off >= sen->off + sen->len)
            break;
        if (m->kind != FL_M_TITLE || m->off + m->len > sen->off + sen->len)
            continue;
        const char *who = m->person >= 0 ? fc_entity_key(doc, m->person) : NULL;
        const role_name *r = find_role(m->unit, true);
        if (r && who && strcmp(who, key) == 0)
            bits |= role_bit(r);
        memset(buf + 1 + (m->off - sen->off), ' ', m->len);
    }
    /* free role words: lower case, dots dropped, other marks as spaces */
    size_t n = 0;
    buf[n++] = ' ';
    for (size_t i = 1; i <= sen->len; i++) {
        char c = fl_ctx_lower(buf[i]);
        if (c == '.')
            continue;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            c = ' ';
        if (c == ' ' && buf[n - 1] == ' ')
            continue;
        buf[n++] = c;
    }
    if (buf[n - 1] != ' ')
        buf[n++] = ' ';
    buf[n] = '\0';
    char pat[64];
    for (const role_name *r = roles; r->name; r++) {
        snprintf(pat, sizeof pat, " %s ", r->name);
        if (strstr(buf, pat))
            bits |= role_bit(r);
    }
    return bits;
}

/* Whether the words just before the mention mark the role as past or
 * temporary ("former", "then-", "ex-"). */
static bool marked_before(const fl_doc *doc, const fl_mention *m)
{
    const char *p = doc->prose.text;
    size_t o = m->off;
    if (o >= 1 && p[o - 1] == '-')
        return true; /* ex-, then- and any other prefix */
    size_t t = fc_token_at_in(doc, m->sentence, m->off);
    const fl_sentence *s = FL_DOC_SENTENCE(doc, m->sentence);
    for (size_t k = 1; k <= 3 && t >= s->first_token + k; k++) {
        size_t u = t - k;
        if (FL_DOC_TOKEN(doc, u)->kind == FL_TOK_PUNCT && !fc_tok_is(doc, u, "-"))
            break;
        if (fc_tok_in(doc, u, time_marks) >= 0)
            return true;
    }
    return false;
}

typedef struct role_count {
    const role_name *role;
    size_t count;
    size_t first;             /* item index */
    const fl_mention *ref[2]; /* first titles in two different sentences */
} role_count;

/* A title linked to a person, with a role in the table and not marked as
 * past or temporary. */
static bool comparable_title(const fl_doc *doc, const fl_mention *m)
{
    return m->kind == FL_M_TITLE && m->sentence < doc->sentences.count && m->person >= 0 &&
           (size_t)m->person < doc->mentions.count && lookup_role(doc, m->unit) &&
           !marked_before(doc, m);
}

static void run(fl_doc *doc)
{
    size_t n = doc->mentions.count, ns = doc->sentences.count;
    if (!n || !ns)
        return;
    /* first the people given two roles of one group: only their
     * sentences are read for changes (keeps long documents cheap) */
    const uint32_t *of_kind;
    size_t ntitles = fl_ctx_mentions_of(doc, 1u << FL_M_TITLE, &of_kind);
    /* two roles of a person need two role words: none when every title
     * has the first one's */
    bool two_roles = false;
    for (size_t x = 1; x < ntitles && !two_roles; x++) {
        const char *u = FL_DOC_MENTION(doc, of_kind[x])->unit,
                   *u0 = FL_DOC_MENTION(doc, of_kind[0])->unit;
        two_roles = u != u0 && (!u || !u0 || strcmp(u, u0) != 0);
    }
    if (!two_roles)
        return;
    fl_vec titles, cands;
    fl_vec_init(&titles, sizeof(fc_item));
    fl_vec_init(&cands, sizeof(const char *));
    for (size_t x = 0; x < ntitles; x++) {
        size_t i = of_kind[x];
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (!comparable_title(doc, m))
            continue;
        const char *key = fc_entity_key(doc, m->person);
        if (key && !fc_add_item(doc, &titles, key, m->off, i, 0))
            return;
    }
    fc_sort_items(&titles);
    const fc_item *ti = titles.items;
    for (size_t a = 0, b; a < titles.count; a = b) {
        unsigned groups = 0;
        bool conflict = false;
        const role_name *first_of[8] = {NULL};
        for (b = a; b < titles.count && strcmp(ti[b].key, ti[a].key) == 0; b++) {
            const role_name *r = lookup_role(doc, FL_DOC_MENTION(doc, ti[b].mention)->unit);
            int g = r->group & 7;
            if (!(groups & (1u << g))) {
                groups |= 1u << g;
                first_of[g] = r;
            } else if (strcmp(first_of[g]->canonical, r->canonical) != 0) {
                conflict = true;
            }
        }
        if (conflict && !fc_add_key(doc, &cands, ti[a].key))
            return;
    }
    if (!cands.count)
        return;
    const char *const *cand = cands.items;
    unsigned char *change = fl_arena_alloc(doc->arena, ns);
    if (!change) {
        fl_ctx_oom(doc);
        return;
    }
    /* aux 0: a comparable title; aux 1: the person's sentence states a
     * change of role */
    fl_vec items;
    fl_vec_init(&items, sizeof(fc_item));
    for (size_t i = 0; i < n; i++) {
        const fl_mention *m = FL_DOC_MENTION(doc, i);
        if (m->sentence >= ns)
            continue;
        long person;
        if (m->kind == FL_M_TITLE)
            person = m->person;
        else if (m->kind == FL_M_NAME)
            person = (long)i;
        else
            continue;
        if (person < 0 || (size_t)person >= n)
            continue;
        const char *key = fc_entity_key(doc, person);
        if (!key || !fc_key_in(cand, cands.count, key))
            continue;
        if (!change[m->sentence])
            change[m->sentence] = fl_ctx_sentence_has(doc, m->sentence, change_cues) ? 2 : 1;
        for (int aux = 0; aux < 2; aux++) {
            if (aux == 0 && !comparable_title(doc, m))
                continue;
            if (aux == 1 && change[m->sentence] != 2)
                continue;
            if (!fc_add_item(doc, &items, key, m->off, i, aux))
                return;
        }
    }
    fc_sort_items(&items);

    const fc_item *it = items.items;
    for (size_t a = 0; a < items.count;) {
        size_t b = a;
        size_t changes = 0;
        while (b < items.count && strcmp(it[b].key, it[a].key) == 0) {
            changes += it[b].aux == 1;
            b++;
        }
        if (b - a - changes < 2) {
            a = b;
            continue;
        }
        /* per role: its count, first title, and the first titles in two
         * different sentences (the other side to name) */
        role_count seen[16];
        size_t nseen = 0;
        for (size_t k = a; k < b; k++) {
            if (it[k].aux != 0)
                continue;
            const fl_mention *m = FL_DOC_MENTION(doc, it[k].mention);
            const role_name *r = lookup_role(doc, m->unit);
            size_t j = 0;
            while (j < nseen && strcmp(seen[j].role->canonical, r->canonical) != 0)
                j++;
            if (j == nseen) {
                if (nseen == sizeof seen / sizeof seen[0])
                    continue;
                seen[nseen].role = r;
                seen[nseen].count = 0;
                seen[nseen].first = k;
                seen[nseen].ref[0] = m;
                seen[nseen].ref[1] = NULL;
                nseen++;
            } else if (!seen[j].ref[1] && seen[j].ref[0]->sentence != m->sentence) {
                seen[j].ref[1] = m;
            }
            seen[j].count++;
        }
        /* the roles each change sentence names, computed on first need */
        uint64_t *named = NULL;
        size_t nnamed = 0;
        for (size_t k = a; k < b; k++) {
            if (it[k].aux != 0)
                continue;
            const fl_mention *m = FL_DOC_MENTION(doc, it[k].mention);
            const role_name *r = lookup_role(doc, m->unit);
            const role_count *best = NULL;
            for (size_t j = 0; j < nseen; j++)
                if (seen[j].role->group == r->group &&
                    (!best || seen[j].count > best->count ||
                     (seen[j].count == best->count && seen[j].first < best->first)))
                    best = &seen[j];
            if (!best || strcmp(best->role->canonical, r->canonical) == 0)
                continue;
            const fl_mention *ref = best->ref[0];
            if (ref->sentence == m->sentence)
                ref = best->ref[1];
            if (!ref)
                continue;
            /* a change of role stated with both roles ("named chief
             * executive after serving as CFO") explains the two */
            if (changes && !named) {
                named = fl_arena_alloc(doc->arena, changes * sizeof *named);
                if (!named) {
                    fl_ctx_oom(doc);
                    return;
                }
                size_t last = (size_t)-1;
                for (size_t q = a; q < b; q++) {
                    size_t s = FL_DOC_MENTION(doc, it[q].mention)->sentence;
                    if (it[q].aux == 1 && s != last)
                        named[nnamed++] = sentence_roles(doc, s, it[a].key);
                    last = it[q].aux == 1 ? s : last;
                }
            }
            uint64_t both = role_bit(r) | role_bit(best->role);
            bool explained = false;
            for (size_t q = 0; q < nnamed && !explained; q++)
                explained = (named[q] & both) == both;
            if (explained)
                continue;
            /* a title mention spans its role words (and a modifier) */
            size_t off = m->off, len = m->len, roff = ref->off, rlen = ref->len;
            const fl_mention *who = FL_DOC_MENTION(doc, (size_t)m->person);
            if (!fc_report_conflict(doc, "fact-title", "role", who->surface, off, len, roff, rlen))
                return;
        }
        a = b;
    }
}

const fl_check_def fl_check_fact_title = {
    {"fact-title", "one person given two incompatible roles", FL_SEV_WARNING,
     "Chief Executive Satya Nadella opened the meeting. Later, Chief Financial Officer Satya "
     "Nadella took questions.",
     "Chairman and Chief Executive Satya Nadella opened the meeting. Later, CEO Satya Nadella "
     "took questions.",
     "A person's role is stated as a fact, so one person should hold one role of a kind "
     "throughout a document. Roles are read with their usual abbreviations (CEO, chief "
     "executive and chief executive officer are one role; CFO and chief financial officer; "
     "Sen. and senator; Rep., representative, congressman and congresswoman) and compared "
     "within a kind: a company's chief officers, elected offices, a court's justices, a "
     "flight crew. Roles of different kinds are compatible (chairman and chief executive, "
     "president and CEO, founder and CEO). The check is silent on roles marked as past or "
     "temporary (former, ex-, then-, acting, interim) and when a sentence about the person "
     "states a change of role (named, promoted, succeeded, replaced, stepped down, will "
     "become) and names both roles, as in \"was named chief executive in 2023 after serving "
     "as CFO\"."},
    run,
    false};
