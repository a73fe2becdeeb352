<!-- The archive's demo catalogues as DaCHS publishes them, for bench/side-by-side: the rows come from
  the archive's own database (psql COPY to CSV, written by the script into data/), so both servers serve
  the same stars. The spoint column "pos" of the archive's tables is left out: DaCHS indexes ra/dec itself
  (q3c, its default for cone search), and the loads never select it. -->
<resource schema="demo" resdir=".">
  <meta name="title">Demo catalogues of the archive (side-by-side benchmark copy)</meta>
  <meta name="description">The Yale Bright Star Catalogue (demo.bsc5) and the star catalogue
    demo.kstars exported from the archive's database, served by DaCHS to compare the two servers
    on the same data.</meta>
  <meta name="creationDate">2026-12-05T00:00:00Z</meta>
  <meta name="subject">Stars</meta>
  <meta name="creator">bench/side-by-side</meta>
  <meta name="contentLevel">Research</meta>
  <meta name="type">Catalog</meta>
  <meta name="coverage.waveband">Optical</meta>

  <table id="kstars" onDisk="True" mixin="//scs#q3cindex" adql="True">
    <meta name="description">Stars for cone searches (copy of the archive's demo.kstars).</meta>
    <primary>star_id</primary>
    <stc>Position ICRS "ra" "dec"</stc>
    <column name="star_id" type="integer" ucd="meta.id;meta.main" required="True"/>
    <column name="ra" type="double precision" unit="deg" ucd="pos.eq.ra;meta.main" required="True"/>
    <column name="dec" type="double precision" unit="deg" ucd="pos.eq.dec;meta.main" required="True"/>
    <column name="pmra" type="real" unit="mas/yr" ucd="pos.pm;pos.eq.ra" required="True"/>
    <column name="pmdec" type="real" unit="mas/yr" ucd="pos.pm;pos.eq.dec" required="True"/>
    <column name="parallax" type="real" unit="mas" ucd="pos.parallax" required="True"/>
    <column name="vmag" type="real" unit="mag" ucd="phot.mag;em.opt.V" required="True"/>
    <column name="b_v" type="real" unit="mag" ucd="phot.color;em.opt.B;em.opt.V" required="True"/>
    <column name="sptype" type="text" ucd="src.spType" required="True"/>
    <column name="multiple" type="boolean" ucd="meta.code.multip" required="True"/>
    <column name="var_amplitude" type="real" unit="mag" ucd="src.var.amplitude"/>
    <column name="var_period" type="real" unit="d" ucd="time.period;src.var"/>
    <column name="bayer_name" type="text" ucd="meta.id"/>
    <column name="common_name" type="text" ucd="meta.id"/>
  </table>

  <table id="bsc5" onDisk="True" adql="True">
    <meta name="description">The Yale Bright Star Catalogue (copy of the archive's demo.bsc5).</meta>
    <primary>hr</primary>
    <column name="hr" type="integer" ucd="meta.id;meta.main" required="True"/>
    <column name="name" type="text" ucd="meta.id"/>
    <column name="ra" type="double precision" unit="deg" ucd="pos.eq.ra;meta.main" required="True"/>
    <column name="dec" type="double precision" unit="deg" ucd="pos.eq.dec;meta.main" required="True"/>
    <column name="vmag" type="real" unit="mag" ucd="phot.mag;em.opt.V" required="True"/>
    <column name="hd" type="integer" ucd="meta.id.cross" required="True"/>
    <column name="sao" type="integer" ucd="meta.id.cross"/>
  </table>

  <data id="import_kstars">
    <sources pattern="data/kstars.csv"/>
    <csvGrammar/>
    <make table="kstars">
      <!-- CSV cannot tell NULL from an empty string; the archive's texts are never empty -->
      <rowmaker idmaps="*">
        <map key="bayer_name" source="bayer_name" nullExpr="''"/>
        <map key="common_name" source="common_name" nullExpr="''"/>
      </rowmaker>
    </make>
  </data>

  <data id="import_bsc5">
    <sources pattern="data/bsc5.csv"/>
    <csvGrammar/>
    <make table="bsc5">
      <rowmaker idmaps="*">
        <map key="name" source="name" nullExpr="''"/>
      </rowmaker>
    </make>
  </data>

  <service id="cone" allowed="scs.xml,form">
    <meta name="shortName">demo kstars cone</meta>
    <meta name="title">Cone search on demo.kstars (side-by-side benchmark)</meta>
    <meta name="testQuery">
      <meta name="ra">10</meta>
      <meta name="dec">10</meta>
      <meta name="sr">1</meta>
    </meta>
    <publish render="scs.xml" sets="ivo_managed"/>
    <scsCore queriedTable="kstars">
      <FEED source="//scs#coreDescs"/>
    </scsCore>
  </service>
</resource>
