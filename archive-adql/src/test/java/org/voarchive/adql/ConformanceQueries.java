package org.voarchive.adql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The ADQL test queries of ../shared/conformance/adql, with the UDFs each file declares. */
final class ConformanceQueries {

    /**
     * @param parser strict with the declared functions where the file or query declares the service's
     *               functions (as the IVOA set does to test undeclared ones); syntax only where it declares
     *               none (the DaCHS parser tests, which call arbitrary functions)
     */
    record Case(String file, int position, boolean valid, String adql, QueryParser parser) {
        @Override
        public String toString() {
            return file + "#" + position + (valid ? " (valid)" : " (invalid)");
        }
    }

    private ConformanceQueries() {
    }

    static Path directory() {
        String dir = System.getProperty("conformance.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "conformance");
        Path adql = root.resolve("adql");
        if (!Files.isDirectory(adql)) {
            throw new IllegalStateException("ADQL conformance queries not found at " + adql.toAbsolutePath());
        }
        return adql;
    }

    static List<Case> all() throws Exception {
        List<Case> cases = new ArrayList<>();
        Path dir = directory();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                cases.addAll(read(dir.relativize(file).toString(), file));
            }
        }
        return cases;
    }

    private static List<Case> read(String name, Path file) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(file.toFile());
        Element root = doc.getDocumentElement();
        List<UserDefinedFunction> fileFunctions = functions(root);
        List<Case> cases = new ArrayList<>();
        int position = 0;
        for (Element query : children(root, "query")) {
            // functions declared for the whole file, plus those declared for this query
            Map<String, UserDefinedFunction> udfs = new LinkedHashMap<>();
            fileFunctions.forEach(f -> udfs.put(f.name(), f));
            functions(query).forEach(f -> udfs.put(f.name(), f));
            QueryParser parser = udfs.isEmpty() ? QueryParser.syntaxOnly()
                : new QueryParser(new FunctionRegistry(udfs.values()));
            for (Element adql : children(query, "adql")) {
                cases.add(new Case(name, ++position, "true".equals(adql.getAttribute("valid")), adql.getTextContent(),
                    parser));
            }
        }
        return cases;
    }

    private static List<UserDefinedFunction> functions(Element parent) {
        List<UserDefinedFunction> udfs = new ArrayList<>();
        for (Element functions : children(parent, "functions")) {
            for (Element function : children(functions, "function")) {
                for (Element form : children(function, "form")) {
                    udfs.add(UserDefinedFunction.parse(form.getTextContent()));
                }
            }
        }
        return udfs;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
