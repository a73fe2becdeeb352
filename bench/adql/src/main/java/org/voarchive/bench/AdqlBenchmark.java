package org.voarchive.bench;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.voarchive.adql.QueryParser;
import org.voarchive.adql.StandardFunctions;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.QueryChecker;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.postgres.PostgresTranslator;

/**
 * Parse (with the syntax rules), check and translate a typical 10-line query: a
 * cross-match with a cone, a join, aggregates and ordering. Sample time gives
 * the median (p0.50) and tail directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdqlBenchmark {

    static final String QUERY = """
        SELECT TOP 100 b.hr, b.name, k.star_id, k.vmag - b.vmag AS dmag,
               DISTANCE(POINT('ICRS', b.ra, b.dec), POINT('ICRS', k.ra, k.dec)) AS sep
        FROM demo.bsc5 AS b
        JOIN demo.kstars AS k
          ON 1 = CONTAINS(POINT('ICRS', k.ra, k.dec), CIRCLE('ICRS', b.ra, b.dec, 0.01))
        WHERE b.vmag < 4.5 AND k.sptype LIKE 'A%'
          AND 1 = CONTAINS(POINT('ICRS', b.ra, b.dec), CIRCLE('ICRS', 83.8, -5.4, 20))
          AND k.parallax BETWEEN 1 AND 100
        ORDER BY sep ASC, b.hr DESC
        """;

    private final QueryParser parser = QueryParser.syntaxOnly();
    private final PostgresTranslator translator = new PostgresTranslator();

    /** The demo tables as the metadata describes them. */
    private static final Catalog CATALOG = () -> List.of(
        new TableInfo("demo", "bsc5", "", List.of(ColumnInfo.of("hr", ValueType.INT), ColumnInfo.of("name", ValueType.TEXT),
            new ColumnInfo("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", null, null),
            new ColumnInfo("dec", ValueType.DOUBLE, "deg", "pos.eq.dec;meta.main", null, null),
            new ColumnInfo("vmag", ValueType.FLOAT, "mag", "phot.mag;em.opt.V", null, null))),
        new TableInfo("demo", "kstars", "", List.of(ColumnInfo.of("star_id", ValueType.INT),
            new ColumnInfo("ra", ValueType.DOUBLE, "deg", "pos.eq.ra;meta.main", null, null),
            new ColumnInfo("dec", ValueType.DOUBLE, "deg", "pos.eq.dec;meta.main", null, null),
            new ColumnInfo("vmag", ValueType.FLOAT, "mag", null, null, null), ColumnInfo.of("sptype", ValueType.TEXT),
            new ColumnInfo("parallax", ValueType.FLOAT, "mas", null, null, null))));

    private final QueryParser strictParser = new QueryParser(StandardFunctions.registry());
    private final QueryChecker checker = new QueryChecker(CATALOG, StandardFunctions.registry());
    private final PostgresTranslator strictTranslator = new PostgresTranslator(StandardFunctions.registry());

    @Benchmark
    public Query parse() {
        return parser.parse(QUERY);
    }

    @Benchmark
    public String parseAndTranslate() {
        return translator.translate(parser.parse(QUERY), OptionalLong.of(10_000));
    }

    /** What the TAP service does with every query: parse, check against the metadata, translate. */
    @Benchmark
    public String parseCheckAndTranslate() {
        return strictTranslator.translate(checker.check(strictParser.parse(QUERY)), OptionalLong.of(10_000));
    }
}
