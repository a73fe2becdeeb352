package org.voarchive.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** A Parquet file as the reference reader (parquet-mr, without Hadoop) reads it: schema, metadata, rows. */
public record ParquetFiles(MessageType schema, Map<String, String> keyValues, List<Group> rows, int rowGroups) {

    public static ParquetFiles read(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Group> rows = new ArrayList<>();
            int groups = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                groups++;
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(records.read());
                }
            }
            return new ParquetFiles(schema, reader.getFooter().getFileMetaData().getKeyValueMetaData(), rows, groups);
        }
    }

    /** The elements of row {@code row}'s array column {@code name} (a three-level LIST), null if the array is. */
    public List<Group> elements(int row, String name) {
        Group g = rows.get(row);
        if (g.getFieldRepetitionCount(name) == 0) {
            return null;
        }
        Group list = g.getGroup(name, 0);
        List<Group> elements = new ArrayList<>();
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            elements.add(list.getGroup("list", i));
        }
        return elements;
    }

    /** Whether row {@code row}'s column {@code name} is null. */
    public boolean isNull(int row, String name) {
        return rows.get(row).getFieldRepetitionCount(name) == 0;
    }
}
