<!-- The 1,000,000-row, 10-column table of bench/tap-sync as DaCHS publishes it, for bench/side-by-side
  (schema bench_sbs on both servers, which bench/tap-sync's cleaning of its own schema bench leaves alone).
  DaCHS creates the empty table from this descriptor (dachs imp); the script then fills it in the
  database with the one generator both benchmarks read (bench/sync_1m.sql), so the rows are the same. -->
<resource schema="bench_sbs" resdir=".">
  <meta name="title">Sync streaming benchmark table (side-by-side copy)</meta>
  <meta name="description">1,000,000 generated rows of 10 columns of the usual types, for comparing
    synchronous TAP streaming with the archive.</meta>
  <meta name="creationDate">2026-12-05T00:00:00Z</meta>
  <meta name="subject">Benchmarks</meta>
  <meta name="creator">bench/side-by-side</meta>
  <meta name="contentLevel">Research</meta>
  <meta name="type">Catalog</meta>

  <table id="sync_1m" onDisk="True" adql="True">
    <meta name="description">Generated rows (see bench/sync_1m.sql).</meta>
    <column name="id" type="integer" required="True" ucd="meta.id;meta.main"/>
    <column name="ra" type="double precision" required="True" unit="deg" ucd="pos.eq.ra"/>
    <column name="dec" type="double precision" required="True" unit="deg" ucd="pos.eq.dec"/>
    <column name="mag" type="double precision" required="True" unit="mag" ucd="phot.mag"/>
    <column name="flag" type="boolean" required="True"/>
    <column name="n" type="integer" required="True"/>
    <column name="s" type="smallint" required="True"/>
    <column name="name" type="text" required="True" ucd="meta.id"/>
    <column name="t" type="timestamp" required="True" ucd="time.epoch"/>
    <column name="v" type="double precision" required="True"/>
  </table>

  <data id="create">
    <make table="sync_1m"/>
  </data>
</resource>
