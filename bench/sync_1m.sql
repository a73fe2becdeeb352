-- The rows of the sync streaming benchmark table (bench.sync_1m), 10 columns of the usual types: the one
-- definition bench/tap-sync (the archive) and bench/side-by-side (DaCHS) both read. psql variable: rows.
SELECT i AS id, (i % 36000) / 100.0 AS ra, ((i % 17999) - 8999) / 100.0 AS dec, (i % 2000) / 100.0::real AS mag,
       i % 3 = 0 AS flag, (i % 100000)::integer AS n, (i % 1000)::smallint AS s, 'star ' || i AS name,
       timestamp '2000-01-01' + i * interval '1 second' AS t, sqrt(i) AS v
  FROM generate_series(1, :rows) AS i
