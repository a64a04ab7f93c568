-- compat.sql - the SQLite functions beter's SQL uses, for PostgreSQL: schema
-- beter_compat, first on every connection's search_path
-- (beter_compat, pg_catalog, public), so that the same SQL gives the same
-- results on both engines. Loaded before 0015-schema.sql; safe to load again.
-- Helpers whose name starts with _ are not SQLite's. tests/pg/compat.sh
-- compares every function here with sqlite3.
--
-- What PostgreSQL still reads its own way: date('...') and date(?1) with one
-- untyped argument are casts to its date type (write date(x, '+0 days') or
-- pass a text column); a decimal literal is numeric, not a real; a function
-- over mixed types (max(1.5, 2)) gives their common type.

SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS beter_compat;
SET search_path = beter_compat, pg_catalog, public;

-- CAST(x AS BLOB): a blob is bytea.
DO $$ BEGIN
	CREATE DOMAIN beter_compat.blob AS bytea;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

---------------------------------------------------------------------------
-- Values as text, as SQLite writes them (group_concat, ||, beter_tr, quote)

-- A real as SQLite prints it ("%!.15g"): 15 significant digits, ".0" when
-- there is no fraction, an exponent below 1e-4 and from 1e15.
CREATE OR REPLACE FUNCTION beter_compat._real_text(v double precision) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	n numeric;
	e integer;
	digits text;
	neg boolean := v < 0;
	r text;
BEGIN
	IF v = 'Infinity' THEN RETURN 'Inf'; END IF;
	IF v = '-Infinity' THEN RETURN '-Inf'; END IF;
	IF v <> v THEN RETURN NULL; END IF;
	IF v = 0 THEN RETURN '0.0'; END IF;
	n := abs(v)::numeric; -- 15 significant digits (DBL_DIG)
	e := floor(log(10, n))::integer;
	n := round(n, 14 - e);
	IF n >= power(10::numeric, e + 1) THEN e := e + 1; END IF;
	-- the significant digits without trailing zeros
	digits := rtrim(replace(trim(to_char(round(n / power(10::numeric, e), 14), '0.00000000000000')), '.', ''), '0');
	IF digits = '' THEN digits := '0'; END IF;
	IF e < -4 OR e >= 15 THEN
		r := substr(digits, 1, 1) || '.' || CASE WHEN length(digits) > 1 THEN substr(digits, 2) ELSE '0' END
			|| 'e' || CASE WHEN e < 0 THEN '-' ELSE '+' END || lpad(abs(e)::text, 2, '0');
	ELSIF e < 0 THEN
		r := '0.' || repeat('0', -e - 1) || digits;
	ELSIF length(digits) > e + 1 THEN
		r := substr(digits, 1, e + 1) || '.' || substr(digits, e + 2);
	ELSE
		r := rpad(digits, e + 1, '0') || '.0';
	END IF;
	RETURN CASE WHEN neg THEN '-' || r ELSE r END;
END $$;

-- Any value as SQLite's text of it: integers plainly, reals as above, blobs
-- as their bytes read as UTF-8 text, booleans as 1/0, NULL as NULL.
CREATE OR REPLACE FUNCTION beter_compat._text(v anycompatible) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	t regtype := pg_typeof(v);
BEGIN
	IF v IS NULL THEN RETURN NULL; END IF;
	IF t IN ('double precision'::regtype, 'real'::regtype) THEN
		RETURN beter_compat._real_text(v::double precision);
	ELSIF t = 'numeric'::regtype THEN
		IF v::numeric = trunc(v::numeric) AND abs(v::numeric) < 9223372036854775808 THEN
			RETURN trunc(v::numeric)::bigint::text;
		END IF;
		RETURN beter_compat._real_text(v::double precision);
	ELSIF t = 'boolean'::regtype THEN
		RETURN CASE WHEN v::text::boolean THEN '1' ELSE '0' END;
	ELSIF t IN ('bytea'::regtype, 'beter_compat.blob'::regtype) THEN
		RETURN convert_from(v::text::bytea, 'UTF8');
	END IF;
	RETURN v::text;
END $$;

-- The storage class SQLite would give the value.
CREATE OR REPLACE FUNCTION beter_compat.typeof(v anycompatible) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	t regtype := pg_typeof(v);
BEGIN
	IF v IS NULL THEN RETURN 'null'; END IF;
	IF t IN ('bigint'::regtype, 'integer'::regtype, 'smallint'::regtype, 'boolean'::regtype) THEN
		RETURN 'integer';
	ELSIF t IN ('double precision'::regtype, 'real'::regtype) THEN
		RETURN 'real';
	ELSIF t = 'numeric'::regtype THEN
		RETURN CASE WHEN v::numeric = trunc(v::numeric) THEN 'integer' ELSE 'real' END;
	ELSIF t IN ('bytea'::regtype, 'beter_compat.blob'::regtype) THEN
		RETURN 'blob';
	END IF;
	RETURN 'text';
END $$;

-- quote(x): an SQL literal of the value, 'NULL' for NULL.
CREATE OR REPLACE FUNCTION beter_compat.quote(v anycompatible) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	k text := beter_compat.typeof(v);
BEGIN
	IF k = 'null' THEN RETURN 'NULL'; END IF;
	IF k = 'blob' THEN RETURN 'X''' || upper(encode(v::text::bytea, 'hex')) || ''''; END IF;
	IF k = 'text' THEN RETURN '''' || replace(v::text, '''', '''''') || ''''; END IF;
	RETURN beter_compat._text(v);
END $$;

---------------------------------------------------------------------------
-- Scalar functions

CREATE OR REPLACE FUNCTION beter_compat.ifnull(a anycompatible, b anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(a, b) $$;

CREATE OR REPLACE FUNCTION beter_compat.instr(h text, n text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT strpos(h, n)::bigint $$;

CREATE OR REPLACE FUNCTION beter_compat.instr(h bytea, n bytea) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT position(n IN h)::bigint $$;

-- hex(x): the bytes in upper-case hexadecimal; of text its UTF-8 bytes, of a
-- number its text; '' for NULL.
CREATE OR REPLACE FUNCTION beter_compat.hex(v bytea) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(upper(encode(v, 'hex')), '') $$;

CREATE OR REPLACE FUNCTION beter_compat.hex(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(upper(encode(convert_to(v, 'UTF8'), 'hex')), '') $$;

CREATE OR REPLACE FUNCTION beter_compat.hex(v integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT beter_compat.hex(v::text) $$;

CREATE OR REPLACE FUNCTION beter_compat.hex(v bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT beter_compat.hex(v::text) $$;

CREATE OR REPLACE FUNCTION beter_compat.hex(v double precision) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT beter_compat.hex(beter_compat._real_text(v)) $$;

CREATE OR REPLACE FUNCTION beter_compat.zeroblob(n bigint) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT decode(repeat('00', greatest(n, 0)::integer), 'hex') $$;

-- substr with SQLite's positions (from 1; a negative start counts from the
-- end; a negative length takes the characters before the start), for the
-- bigint arguments PostgreSQL's own substr does not take.
CREATE OR REPLACE FUNCTION beter_compat._substr_range(len bigint, p bigint, n bigint, OUT a bigint, OUT b bigint)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
	-- [a, b): zero-based, clipped to [0, len)
	IF p < 0 THEN p := len + p + 1; IF p < 1 AND n IS NOT NULL AND n >= 0 THEN n := n + p - 1; p := 1; END IF;
	ELSIF p = 0 THEN IF n IS NOT NULL AND n > 0 THEN n := n - 1; END IF; p := 1;
	END IF;
	IF n IS NULL THEN a := p - 1; b := len;
	ELSIF n >= 0 THEN a := p - 1; b := p - 1 + n;
	ELSE a := p - 1 + n; b := p - 1;
	END IF;
	a := least(greatest(a, 0), len);
	b := least(greatest(b, a), len);
END $$;

CREATE OR REPLACE FUNCTION beter_compat.substr(s text, p bigint, n bigint) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT pg_catalog.substr(s, (r.a + 1)::integer, (r.b - r.a)::integer)
	FROM beter_compat._substr_range(length(s), p, n) r $$;

CREATE OR REPLACE FUNCTION beter_compat.substr(s text, p bigint) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT pg_catalog.substr(s, (r.a + 1)::integer, (r.b - r.a)::integer)
	FROM beter_compat._substr_range(length(s), p, NULL) r $$;

CREATE OR REPLACE FUNCTION beter_compat.substr(s bytea, p bigint, n bigint) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT pg_catalog.substr(s, (r.a + 1)::integer, (r.b - r.a)::integer)
	FROM beter_compat._substr_range(length(s), p, n) r $$;

CREATE OR REPLACE FUNCTION beter_compat.substr(s bytea, p bigint) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT pg_catalog.substr(s, (r.a + 1)::integer, (r.b - r.a)::integer)
	FROM beter_compat._substr_range(length(s), p, NULL) r $$;

-- glob(pattern, x): SQLite's x GLOB pattern (* ? [...] [^...], case
-- sensitive), as a boolean; SQL both engines run writes glob(p, x), not
-- x GLOB p, which PostgreSQL cannot parse.
CREATE OR REPLACE FUNCTION beter_compat._glob_re(p text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	r text := '^';
	i integer := 1;
	c text;
	j integer;
	cls text;
BEGIN
	WHILE i <= length(p) LOOP
		c := substr(p, i, 1);
		IF c = '*' THEN
			r := r || '.*';
		ELSIF c = '?' THEN
			r := r || '.';
		ELSIF c = '[' THEN
			j := i + 1;
			cls := '';
			IF substr(p, j, 1) = '^' THEN cls := '^'; j := j + 1; END IF;
			IF substr(p, j, 1) = ']' THEN cls := cls || '\]'; j := j + 1; END IF;
			WHILE j <= length(p) AND substr(p, j, 1) <> ']' LOOP
				cls := cls || CASE WHEN substr(p, j, 1) IN ('\', '[') THEN '\' ELSE '' END || substr(p, j, 1);
				j := j + 1;
			END LOOP;
			IF j > length(p) THEN RETURN NULL; END IF; -- no closing ]: matches nothing
			r := r || '[' || cls || ']';
			i := j;
		ELSE
			r := r || CASE WHEN c ~ '[A-Za-z0-9_ ]' THEN c ELSE '\' || c END;
		END IF;
		i := i + 1;
	END LOOP;
	RETURN r || '$';
END $$;

CREATE OR REPLACE FUNCTION beter_compat.glob(p text, x text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN p IS NULL OR x IS NULL THEN NULL
		ELSE coalesce(x ~ beter_compat._glob_re(p), false) END $$;

-- round(x, n): half away from zero, a real, as SQLite.
CREATE OR REPLACE FUNCTION beter_compat.round(v double precision, n integer) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN v = 'Infinity' OR v = '-Infinity' OR v <> v THEN v
		ELSE pg_catalog.round(v::numeric, greatest(least(n, 30), 0))::double precision END $$;

CREATE OR REPLACE FUNCTION beter_compat.round(v double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT beter_compat.round(v, 0) $$;

-- Scalar max and min of two to four values: NULL when any is NULL.
CREATE OR REPLACE FUNCTION beter_compat.max(a anycompatible, b anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE greatest(a, b) END $$;
CREATE OR REPLACE FUNCTION beter_compat.max(a anycompatible, b anycompatible, c anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL THEN NULL ELSE greatest(a, b, c) END $$;
CREATE OR REPLACE FUNCTION beter_compat.max(a anycompatible, b anycompatible, c anycompatible, d anycompatible)
RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL OR d IS NULL THEN NULL ELSE greatest(a, b, c, d) END $$;
CREATE OR REPLACE FUNCTION beter_compat.min(a anycompatible, b anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE least(a, b) END $$;
CREATE OR REPLACE FUNCTION beter_compat.min(a anycompatible, b anycompatible, c anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL THEN NULL ELSE least(a, b, c) END $$;
CREATE OR REPLACE FUNCTION beter_compat.min(a anycompatible, b anycompatible, c anycompatible, d anycompatible)
RETURNS anycompatible LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a IS NULL OR b IS NULL OR c IS NULL OR d IS NULL THEN NULL ELSE least(a, b, c, d) END $$;

---------------------------------------------------------------------------
-- group_concat(x) and group_concat(x, sep): the values' SQLite text joined
-- (by ',' or sep; a NULL sep joins with nothing), NULLs left out; NULL for
-- no values.

CREATE OR REPLACE FUNCTION beter_compat._gc_step(s text, v anycompatible, sep text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN v IS NULL THEN s WHEN s IS NULL THEN beter_compat._text(v)
		ELSE s || coalesce(sep, '') || beter_compat._text(v) END $$;

CREATE OR REPLACE FUNCTION beter_compat._gc_step(s text, v anycompatible) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT beter_compat._gc_step(s, v, ',') $$;

CREATE OR REPLACE AGGREGATE beter_compat.group_concat(anycompatible) (SFUNC = beter_compat._gc_step, STYPE = text);
CREATE OR REPLACE AGGREGATE beter_compat.group_concat(anycompatible, text) (SFUNC = beter_compat._gc_step, STYPE = text);

-- sum(a = b): SQLite sums a comparison as 1 and 0; NULL for no values.
CREATE OR REPLACE FUNCTION beter_compat._sum_bool(s bigint, v boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN v IS NULL THEN s ELSE coalesce(s, 0) + CASE WHEN v THEN 1 ELSE 0 END END $$;

CREATE OR REPLACE AGGREGATE beter_compat.sum(boolean) (SFUNC = beter_compat._sum_bool, STYPE = bigint);

-- COLLATE "BINARY" (quoted, which SQLite reads too): byte order.
DO $$ BEGIN
	CREATE COLLATION beter_compat."BINARY" FROM "C";
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

-- COLLATE NOCASE: equal regardless of case (ICU, secondary strength; it
-- folds the case of every letter, where SQLite folds A-Z only). Only for
-- equality and keys: LIKE refuses a nondeterministic collation. Left out
-- where the server has no ICU.
DO $$ BEGIN
	CREATE COLLATION beter_compat.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
EXCEPTION WHEN duplicate_object OR feature_not_supported THEN NULL;
END $$;

---------------------------------------------------------------------------
-- Dates: SQLite's date(), julianday() and strftime() over its own
-- arithmetic (a Julian day number in milliseconds), with the modifiers
-- '+N days', '-N days' (also seconds, minutes, hours, months, years),
-- 'start of month', 'start of year', 'start of day', 'weekday N'.

-- The Julian day in ms of a day at midnight (SQLite's computeJD).
CREATE OR REPLACE FUNCTION beter_compat._jd(y integer, m integer, d integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	a integer; b integer; x1 integer; x2 integer;
BEGIN
	IF y < -4713 OR y > 9999 THEN RETURN NULL; END IF;
	IF m <= 2 THEN y := y - 1; m := m + 12; END IF;
	a := y / 100;
	b := 2 - a + a / 4;
	x1 := 36525 * (y + 4716) / 100;
	x2 := 306001 * (m + 1) / 10000;
	RETURN trunc((x1 + x2 + d + b - 1524.5::double precision) * 86400000)::bigint;
END $$;

-- The day of a Julian day in ms (SQLite's computeYMD); NULL out of range.
CREATE OR REPLACE FUNCTION beter_compat._ymd(jd bigint, OUT y integer, OUT m integer, OUT d integer)
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	z integer; a integer; b integer; c integer; dd integer; e integer; x1 integer;
BEGIN
	IF jd < 0 OR jd > 464269060799999 THEN RETURN; END IF;
	z := ((jd + 43200000) / 86400000)::integer;
	a := trunc((z - 1867216.25::double precision) / 36524.25)::integer;
	a := z + 1 + a - a / 4;
	b := a + 1524;
	c := trunc((b - 122.1::double precision) / 365.25)::integer;
	dd := (36525 * (c & 32767)) / 100;
	e := trunc((b - dd) / 30.6001::double precision)::integer;
	x1 := trunc(30.6001::double precision * e)::integer;
	d := b - dd - x1;
	m := CASE WHEN e < 14 THEN e - 1 ELSE e - 13 END;
	y := CASE WHEN m > 2 THEN c - 4716 ELSE c - 4715 END;
END $$;

-- A number as SQLite's sqlite3AtoF reads a whole string, else NULL.
CREATE OR REPLACE FUNCTION beter_compat._num(t text) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN t ~ '^[ \t\n\v\f\r]*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n\v\f\r]*$'
		THEN trim(t, E' \t\n\v\f\r')::double precision END $$;

-- Parse a time value: jd (ms) and, while no modifier has changed them, the
-- day as written (raw: '2026-02-30' stays itself in date() without a
-- modifier, as in SQLite). ok is false for a value SQLite does not read.
CREATE OR REPLACE FUNCTION beter_compat._parse(t text, OUT ok boolean, OUT jd bigint, OUT raw boolean,
	OUT y integer, OUT m integer, OUT d integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	p text[];
	tz integer := 0;
	tod bigint := 0;
	rest text;
	r double precision;
BEGIN
	ok := false;
	raw := false;
	IF t IS NULL THEN RETURN; END IF;
	-- YYYY-MM-DD, then white space or T, then an optional time and zone
	p := regexp_match(t, '^(-?)([0-9]{4})-([0-9]{2})-([0-9]{2})[ \t\n\v\f\rT]*(.*)$');
	IF p IS NOT NULL THEN
		y := p[2]::integer; m := p[3]::integer; d := p[4]::integer;
		IF p[1] = '-' THEN y := -y; END IF;
		IF m < 1 OR m > 12 OR d < 1 OR d > 31 THEN RETURN; END IF;
		rest := p[5];
		raw := true;
	ELSE
		rest := t;
		y := 2000; m := 1; d := 1;
	END IF;
	IF rest <> '' THEN
		p := regexp_match(rest, '^([0-9]{2}):([0-9]{2})(:([0-9]{2})(\.[0-9]+)?)?[ \t\n\v\f\r]*'
			|| '(([zZ])|([+-])([0-9]{2}):([0-9]{2}))?[ \t\n\v\f\r]*$');
		IF p IS NULL THEN
			IF raw THEN RETURN; END IF;
			IF lower(t) = 'now' THEN
				jd := (extract(epoch FROM statement_timestamp()) * 1000)::bigint + 210866760000000;
				ok := true;
				RETURN;
			END IF;
			r := beter_compat._num(t);
			IF r IS NULL THEN RETURN; END IF;
			ok := true;
			IF r >= 0 AND r < 5373484.5 THEN jd := trunc(r * 86400000 + 0.5)::bigint; END IF;
			RETURN;
		END IF;
		IF p[1]::integer > 24 OR p[2]::integer > 59 OR coalesce(p[4]::integer, 0) > 59 THEN RETURN; END IF;
		IF p[8] IS NOT NULL THEN
			IF p[9]::integer > 14 OR p[10]::integer > 59 THEN RETURN; END IF;
			tz := (p[9]::integer * 60 + p[10]::integer) * CASE WHEN p[8] = '-' THEN -1 ELSE 1 END;
		END IF;
		tod := p[1]::integer * 3600000 + p[2]::integer * 60000
			+ trunc((coalesce(p[4]::integer, 0) + coalesce(('0' || p[5])::double precision, 0)) * 1000 + 0.5)::bigint;
	ELSIF NOT raw THEN
		RETURN;
	END IF;
	ok := true;
	jd := beter_compat._jd(y, m, d);
	IF jd IS NULL THEN RETURN; END IF;
	jd := jd + tod;
	IF tz <> 0 THEN
		jd := jd - tz * 60000;
		raw := false;
	END IF;
END $$;

-- Apply SQLite's modifiers to a parsed value; NULL when one is not
-- understood or the result is outside 0000-9999.
CREATE OR REPLACE FUNCTION beter_compat._apply(t text, mods text[], OUT jd bigint, OUT raw boolean,
	OUT y integer, OUT m integer, OUT d integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	ok boolean;
	md text;
	p text[];
	r double precision;
	unit text;
	tod bigint;
	n integer;
	x integer;
	z bigint;
	xform double precision;
	lim double precision;
BEGIN
	SELECT * INTO ok, jd, raw, y, m, d FROM beter_compat._parse(t);
	IF NOT ok OR jd IS NULL THEN jd := NULL; RETURN; END IF;
	FOREACH md IN ARRAY coalesce(mods, '{}'::text[]) LOOP
		IF md IS NULL THEN jd := NULL; RETURN; END IF;
		md := lower(md);
		IF NOT raw THEN
			SELECT * INTO y, m, d FROM beter_compat._ymd(jd);
			IF y IS NULL THEN jd := NULL; RETURN; END IF;
		END IF;
		tod := jd - beter_compat._jd(y, m, d);
		p := regexp_match(md, '^([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([e][+-]?[0-9]+)?)[ \t\n\v\f\r]+(.*)$');
		IF p IS NOT NULL THEN
			r := p[1]::double precision;
			unit := p[4];
			IF length(unit) > 10 OR length(unit) < 3 THEN jd := NULL; RETURN; END IF;
			IF right(unit, 1) = 's' THEN unit := left(unit, -1); END IF;
			xform := CASE unit WHEN 'second' THEN 1 WHEN 'minute' THEN 60 WHEN 'hour' THEN 3600
				WHEN 'day' THEN 86400 WHEN 'month' THEN 2592000 WHEN 'year' THEN 31536000 END;
			lim := CASE unit WHEN 'second' THEN 46427744000.0 WHEN 'minute' THEN 773795733.0
				WHEN 'hour' THEN 12896595.0 WHEN 'day' THEN 537355.0 WHEN 'month' THEN 176546.0
				ELSE 14713.0 END;
			IF xform IS NULL OR abs(r) >= lim THEN
				jd := NULL; RETURN;
			END IF;
			IF unit = 'month' THEN
				m := m + trunc(r)::integer;
				x := CASE WHEN m > 0 THEN (m - 1) / 12 ELSE (m - 12) / 12 END;
				y := y + x;
				m := m - x * 12;
				r := r - trunc(r);
				jd := beter_compat._jd(y, m, d) + tod;
			ELSIF unit = 'year' THEN
				y := y + trunc(r)::integer;
				r := r - trunc(r);
				jd := beter_compat._jd(y, m, d) + tod;
			END IF;
			IF jd IS NULL THEN RETURN; END IF;
			jd := jd + trunc(r * 1000.0 * xform + CASE WHEN r < 0 THEN -0.5 ELSE 0.5 END)::bigint;
		ELSIF md = 'start of month' OR md = 'start of year' OR md = 'start of day' THEN
			IF md <> 'start of day' THEN d := 1; END IF;
			IF md = 'start of year' THEN m := 1; END IF;
			jd := beter_compat._jd(y, m, d);
			IF jd IS NULL THEN RETURN; END IF;
		ELSIF md ~ '^weekday ' THEN
			r := beter_compat._num(substr(md, 9));
			IF r IS NULL OR r <> trunc(r) OR r < 0 OR r >= 7 THEN jd := NULL; RETURN; END IF;
			n := r::integer;
			jd := beter_compat._jd(y, m, d) + tod;
			IF jd IS NULL THEN RETURN; END IF;
			z := ((jd + 129600000) / 86400000) % 7;
			IF z > n THEN z := z - 7; END IF;
			jd := jd + (n - z) * 86400000;
		ELSE
			jd := NULL; RETURN;
		END IF;
		raw := false;
	END LOOP;
	IF jd < 0 OR jd > 464269060799999 THEN jd := NULL; RETURN; END IF;
	IF NOT raw THEN SELECT * INTO y, m, d FROM beter_compat._ymd(jd); END IF;
END $$;

CREATE OR REPLACE FUNCTION beter_compat._day_text(y integer, m integer, d integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN y < 0 THEN '-' ELSE '' END || lpad(abs(y)::text, 4, '0') || '-'
		|| lpad(m::text, 2, '0') || '-' || lpad(d::text, 2, '0') $$;

CREATE OR REPLACE FUNCTION beter_compat._date(t text, mods text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN a.jd IS NOT NULL THEN beter_compat._day_text(a.y, a.m, a.d) END
	FROM beter_compat._apply(t, mods) a $$;

-- The days beter stores (YYYY-MM-DD of a day that exists, years 1000-9999)
-- and the modifiers it uses most ('+N days', '-N days') take a short way,
-- in SQL the planner puts in place of the call (inlined): the plpgsql
-- above, which every new backend compiles again, costs a command that
-- checks a row's days (the CHECKs of share/sql/pg/0015-schema.sql) some
-- 5-10 ms of the server's CPU. Any other value or modifier goes the long way.
CREATE OR REPLACE FUNCTION beter_compat._is_day(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN
		substr(t, 9, 2) <= CASE substr(t, 6, 2)
			WHEN '02' THEN CASE WHEN substr(t, 1, 4)::integer % 4 = 0 AND (substr(t, 1, 4)::integer % 100 <> 0
				OR substr(t, 1, 4)::integer % 400 = 0) THEN '29' ELSE '28' END
			WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END
		ELSE false END $$;

-- a day (_is_day) n days on, when that is within 1000-9999, else NULL
CREATE OR REPLACE FUNCTION beter_compat._day_plus(t text, n integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t::date + n BETWEEN date '1000-01-01' AND date '9999-12-31'
		THEN to_char(t::date + n, 'YYYY-MM-DD') END $$;

CREATE OR REPLACE FUNCTION beter_compat.date(t text, VARIADIC mods text[]) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t IS NULL THEN NULL
		WHEN cardinality(mods) = 1 AND mods[1] ~ '^[+-][0-9]{1,5} days$' AND beter_compat._is_day(t)
		THEN coalesce(beter_compat._day_plus(t, left(mods[1], -5)::integer), beter_compat._date(t, mods))
		ELSE beter_compat._date(t, mods) END $$;

-- a day as written stays itself, even one that does not exist (as in SQLite)
CREATE OR REPLACE FUNCTION beter_compat.date(t text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t IS NULL THEN NULL
		WHEN t ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN t
		ELSE beter_compat._date(t, '{}'::text[]) END $$;

CREATE OR REPLACE FUNCTION beter_compat.julianday(t text, VARIADIC mods text[]) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT a.jd / 86400000.0::double precision FROM beter_compat._apply(t, mods) a $$;

CREATE OR REPLACE FUNCTION beter_compat._julianday(t text) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT a.jd / 86400000.0::double precision FROM beter_compat._apply(t, '{}'::text[]) a $$;

-- 2000-01-01 is Julian day 2451544.5
CREATE OR REPLACE FUNCTION beter_compat.julianday(t text) RETURNS double precision
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t IS NULL THEN NULL
		WHEN beter_compat._is_day(t) THEN (t::date - date '2000-01-01') + 2451544.5::double precision
		ELSE beter_compat._julianday(t) END $$;

-- strftime(format, time, modifier...): %d %f %H %j %J %m %M %s %S %w %Y %%.
CREATE OR REPLACE FUNCTION beter_compat.strftime(fmt text, t text, VARIADIC mods text[]) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	a record;
	out text := '';
	i integer := 1;
	c text;
	ms bigint;
	s double precision;
BEGIN
	IF fmt IS NULL THEN RETURN NULL; END IF;
	SELECT * INTO a FROM beter_compat._apply(t, mods);
	IF a.jd IS NULL THEN RETURN NULL; END IF;
	ms := (a.jd + 43200000) % 86400000;
	WHILE i <= length(fmt) LOOP
		c := substr(fmt, i, 1);
		IF c <> '%' THEN
			out := out || c;
		ELSE
			i := i + 1;
			c := substr(fmt, i, 1);
			CASE c
			WHEN 'd' THEN out := out || lpad(a.d::text, 2, '0');
			WHEN 'm' THEN out := out || lpad(a.m::text, 2, '0');
			WHEN 'Y' THEN out := out || CASE WHEN a.y < 0 THEN '-' ELSE '' END || lpad(abs(a.y)::text, 4, '0');
			WHEN 'H' THEN out := out || lpad((ms / 3600000)::text, 2, '0');
			WHEN 'M' THEN out := out || lpad((ms / 60000 % 60)::text, 2, '0');
			WHEN 'S' THEN out := out || lpad((ms / 1000 % 60)::text, 2, '0');
			WHEN 'f' THEN
				s := (ms % 60000) / 1000.0;
				IF s > 59.999 THEN s := 59.999; END IF;
				out := out || lpad(to_char(s, 'FM90.000'), 6, '0');
			WHEN 'j' THEN out := out || lpad(((a.jd - beter_compat._jd(a.y, 1, 1) + 43200000) / 86400000 + 1)::text, 3, '0');
			WHEN 'J' THEN out := out || beter_compat._real_text(a.jd / 86400000.0::double precision);
			WHEN 's' THEN out := out || ((a.jd - 210866760000000) / 1000)::text;
			WHEN 'w' THEN out := out || (((a.jd + 129600000) / 86400000) % 7)::text;
			WHEN '%' THEN out := out || '%';
			ELSE RETURN NULL;
			END CASE;
		END IF;
		i := i + 1;
	END LOOP;
	RETURN out;
END $$;

CREATE OR REPLACE FUNCTION beter_compat.strftime(fmt text, t text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT beter_compat.strftime(fmt, t, VARIADIC '{}'::text[]) $$;

---------------------------------------------------------------------------
-- printf(format, ...): %d %i %s %f %x %% with the flags - and 0, a width
-- and a precision (%.1f rounds half away from zero, as SQLite); up to five
-- arguments, read as SQLite's text of them.

-- The leading number of a text as SQLite converts text to a number.
CREATE OR REPLACE FUNCTION beter_compat._lead_num(t text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce((regexp_match(t, '^[ \t\n\v\f\r]*([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)'))[1]::double precision, 0) $$;

CREATE OR REPLACE FUNCTION beter_compat._printf(fmt text, args text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	out text := '';
	p text[];
	rest text := fmt;
	k integer := 0;
	v text;
	s text;
	prec integer;
	w integer;
	num double precision;
BEGIN
	IF fmt IS NULL THEN RETURN NULL; END IF;
	LOOP
		p := regexp_match(rest, '^([^%]*)%([-0]*)([0-9]*)(\.([0-9]*))?([disfx%])(.*)$');
		IF p IS NULL THEN
			out := out || replace(rest, '%%', '%');
			EXIT;
		END IF;
		out := out || p[1];
		rest := p[7];
		IF p[6] = '%' THEN
			out := out || '%';
			CONTINUE;
		END IF;
		k := k + 1;
		v := args[k];
		prec := CASE WHEN p[4] IS NULL THEN NULL ELSE coalesce(nullif(p[5], '')::integer, 0) END;
		IF p[6] IN ('d', 'i', 'x') THEN
			num := trunc(beter_compat._lead_num(v));
			s := CASE WHEN p[6] = 'x' THEN to_hex(num::bigint) ELSE abs(num::bigint)::text END;
			IF prec IS NOT NULL THEN s := lpad(s, prec, '0'); END IF;
			IF num < 0 AND p[6] <> 'x' THEN s := '-' || s; END IF;
		ELSIF p[6] = 'f' THEN
			num := beter_compat._lead_num(v);
			s := round(abs(num)::numeric, coalesce(prec, 6))::text;
			IF num < 0 THEN s := '-' || s; END IF;
		ELSE
			s := coalesce(v, '');
			IF prec IS NOT NULL THEN s := left(s, prec); END IF;
		END IF;
		w := coalesce(nullif(p[3], '')::integer, 0);
		IF length(s) < w THEN
			IF strpos(p[2], '-') > 0 THEN s := rpad(s, w);
			ELSIF strpos(p[2], '0') > 0 AND p[6] <> 's' THEN
				s := CASE WHEN left(s, 1) = '-' THEN '-' || lpad(substr(s, 2), w - 1, '0') ELSE lpad(s, w, '0') END;
			ELSE s := lpad(s, w);
			END IF;
		END IF;
		out := out || s;
	END LOOP;
	RETURN out;
END $$;

---------------------------------------------------------------------------
-- JSON, as the check reads its documents

-- json_valid(x), beter_uid(x) and beter_blank(x) return boolean (SQLite's
-- 1 and 0): they are conditions in beter's SQL (WHERE f(x), NOT f(x)), and
-- a boolean result reads as 1/0.
CREATE OR REPLACE FUNCTION beter_compat.json_valid(t text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
	IF t IS NULL THEN RETURN NULL; END IF;
	PERFORM t::json;
	RETURN true;
EXCEPTION WHEN others THEN
	RETURN false;
END $$;

-- '$.a.b' -> '{a,b}'; NULL for a path this does not read.
CREATE OR REPLACE FUNCTION beter_compat._json_path(path text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN path = '$' THEN '{}'::text[]
		WHEN path ~ '^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$' THEN string_to_array(substr(path, 3), '.') END $$;

CREATE OR REPLACE FUNCTION beter_compat.json_type(t text, path text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	v json;
	s text;
BEGIN
	IF t IS NULL OR path IS NULL THEN RETURN NULL; END IF;
	v := t::json #> beter_compat._json_path(path);
	IF v IS NULL THEN RETURN NULL; END IF;
	s := json_typeof(v);
	IF s = 'boolean' THEN RETURN v::text; END IF;
	IF s = 'number' THEN RETURN CASE WHEN v::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END; END IF;
	IF s = 'string' THEN RETURN 'text'; END IF;
	RETURN s;
END $$;

CREATE OR REPLACE FUNCTION beter_compat.json_type(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT beter_compat.json_type(t, '$') $$;

-- json_extract: the value at the path as jsonb (numbers compare as numbers,
-- strings as strings).
CREATE OR REPLACE FUNCTION beter_compat.json_extract(t text, path text) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT t::jsonb #> beter_compat._json_path(path) $$;

-- json_each(doc, path): key, value (jsonb; value ->> 'k' reads a member),
-- type as json_type names it.
CREATE OR REPLACE FUNCTION beter_compat.json_each(t jsonb, path text)
RETURNS TABLE (key text, value jsonb, type text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	WITH v(j) AS (SELECT t #> beter_compat._json_path(path))
	SELECT e.ordinality::text, e.value, jsonb_typeof(e.value)
	FROM v, jsonb_array_elements(v.j) WITH ORDINALITY e WHERE jsonb_typeof(v.j) = 'array'
	UNION ALL
	SELECT e.key, e.value, jsonb_typeof(e.value)
	FROM v, jsonb_each(v.j) e WHERE jsonb_typeof(v.j) = 'object' $$;

CREATE OR REPLACE FUNCTION beter_compat.json_each(t text, path text)
RETURNS TABLE (key text, value jsonb, type text)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT * FROM beter_compat.json_each(t::jsonb, path) $$;

-- doc ->> '$.a.b' (or ->> 'key'): SQLite's operator on JSON text; the value
-- as text (a number's or string's text, an object's or array's JSON).
CREATE OR REPLACE FUNCTION beter_compat._json_get_text(t text, path text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	v json;
BEGIN
	v := t::json #> CASE WHEN left(path, 1) = '$' THEN beter_compat._json_path(path) ELSE ARRAY[path] END;
	IF v IS NULL OR json_typeof(v) = 'null' THEN RETURN NULL; END IF;
	IF json_typeof(v) = 'boolean' THEN RETURN CASE WHEN v::text = 'true' THEN '1' ELSE '0' END; END IF;
	IF json_typeof(v) = 'string' THEN RETURN v #>> '{}'; END IF;
	RETURN v::text;
END $$;

DO $$ BEGIN
	CREATE OPERATOR beter_compat.->> (LEFTARG = text, RIGHTARG = text, FUNCTION = beter_compat._json_get_text);
EXCEPTION WHEN duplicate_function THEN NULL;
END $$;

---------------------------------------------------------------------------
-- beter's own functions (lib/store_fn.c and lib/check_words.c)

-- beter_uid(x): true when x is text of 32 lowercase hex digits.
CREATE OR REPLACE FUNCTION beter_compat.beter_uid(v anycompatible) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce(beter_compat.typeof(v) = 'text' AND v::text ~ '^[0-9a-f]{32}$', false) $$;

-- beter_answers_given(answers): how many bytes are not zero.
CREATE OR REPLACE FUNCTION beter_compat.beter_answers_given(a bytea) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT count(*) FROM generate_series(0, length(a) - 1) i WHERE get_byte(a, i) <> 0 $$;

-- beter_item_limits(pos, n), an aggregate: a blob whose byte pos (1-255) is
-- n clamped to 1-255, zero where no item is; an empty blob for no rows.
CREATE OR REPLACE FUNCTION beter_compat._limits_step(s bytea, pos bigint, n bigint) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
	IF s IS NULL THEN s := ''::bytea; END IF;
	IF pos IS NULL OR pos < 1 OR pos > 255 THEN RETURN s; END IF;
	IF length(s) < pos THEN s := s || decode(repeat('00', (pos - length(s))::integer), 'hex'); END IF;
	RETURN set_byte(s, (pos - 1)::integer, CASE WHEN coalesce(n, 0) < 1 THEN 1 WHEN n > 255 THEN 255 ELSE n END::integer);
END $$;

CREATE OR REPLACE AGGREGATE beter_compat.beter_item_limits(bigint, bigint) (
	SFUNC = beter_compat._limits_step, STYPE = bytea, INITCOND = '');

-- beter_answer_over(answers, limits): the first position whose byte is above
-- the item's highest, else 0.
CREATE OR REPLACE FUNCTION beter_compat.beter_answer_over(a bytea, l bytea) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT coalesce((SELECT min(i) + 1 FROM generate_series(0, least(length(a), length(l)) - 1) i
		WHERE get_byte(l, i) <> 0 AND get_byte(a, i) > get_byte(l, i)), 0)::bigint $$;

-- beter_bad_text(v, ...): the first argument that is text and not valid
-- UTF-8 or holds a NUL byte. PostgreSQL's text cannot hold either: 0.
CREATE OR REPLACE FUNCTION beter_compat.beter_bad_text(VARIADIC v text[]) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 0::bigint $$;

-- beter_blank(x): true when x is only white space (str_blank), NULL for NULL.
CREATE OR REPLACE FUNCTION beter_compat.beter_blank(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT v ~ E'^[ \\t\\n\\v\\f\\r\\u0085\\u00a0\\u1680\\u180e\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]*$' $$;

-- beter_tr(text, v...): each %s filled with the next argument's text, %%
-- a percent sign. The text stays English (the catalogue's msgid). With the
-- setting beter.tr at 'mark' (beter check sets it) the text and its values
-- come marked instead, for the program to translate and fill in:
-- U+0001 text (U+001F value)... U+0002, a NULL value as an empty one.
CREATE OR REPLACE FUNCTION beter_compat._tr(key text, args text[]) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
	out text := '';
	i integer := 1;
	k integer := 0;
	c text;
BEGIN
	IF key IS NULL THEN RETURN NULL; END IF;
	IF current_setting('beter.tr', true) = 'mark' THEN
		out := chr(1) || key;
		FOR k IN 1..coalesce(array_length(args, 1), 0) LOOP
			out := out || chr(31) || coalesce(args[k], '');
		END LOOP;
		RETURN out || chr(2);
	END IF;
	WHILE i <= length(key) LOOP
		c := substr(key, i, 2);
		IF c = '%s' THEN
			k := k + 1;
			out := out || coalesce(args[k], '');
			i := i + 2;
		ELSIF c = '%%' THEN
			out := out || '%';
			i := i + 2;
		ELSE
			out := out || substr(key, i, 1);
			i := i + 1;
		END IF;
	END LOOP;
	RETURN out;
END $$;

-- beter_tr and printf take up to five values of mixed types: one function
-- per combination of text, integer, bigint and double precision (numeric
-- takes the double precision one; an untyped literal or parameter text).
DO $$
DECLARE
	types text[] := ARRAY['text', 'integer', 'bigint', 'double precision'];
	n integer;
	c integer;
	i integer;
	sig text;
	vals text;
	t text;
BEGIN
	FOR n IN 0..5 LOOP
		FOR c IN 0..(power(4, n)::integer - 1) LOOP
			sig := '';
			vals := '';
			FOR i IN 1..n LOOP
				t := types[(c / power(4, i - 1)::integer) % 4 + 1];
				sig := sig || ', a' || i || ' ' || t;
				vals := vals || CASE WHEN i > 1 THEN ', ' ELSE '' END || 'beter_compat._text(a' || i || ')';
			END LOOP;
			EXECUTE format('CREATE OR REPLACE FUNCTION beter_compat.beter_tr(key text%s) RETURNS text '
				'LANGUAGE sql STABLE PARALLEL SAFE AS $f$ SELECT beter_compat._tr(key, ARRAY[%s]::text[]) $f$',
				sig, vals);
			EXECUTE format('CREATE OR REPLACE FUNCTION beter_compat.printf(fmt text%s) RETURNS text '
				'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$ SELECT beter_compat._printf(fmt, ARRAY[%s]::text[]) $f$',
				sig, vals);
		END LOOP;
	END LOOP;
END $$;
