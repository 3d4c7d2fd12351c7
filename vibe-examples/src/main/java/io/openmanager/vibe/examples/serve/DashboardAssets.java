package io.openmanager.vibe.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's files, read once from the jar: the page, its script and style sheet (resources of this package), and
 * uPlot's script and style sheet from the uPlot WebJar (npm's {@code uplot} package as a Maven Central artifact). uPlot
 * was chosen because it is small (50 KB minified, no dependencies), draws time series on a canvas fast enough for
 * twenty charts updating live, and is MIT-licensed. Nothing is fetched from elsewhere.
 */
final class DashboardAssets {
    private static final String OWN = "/io/openmanager/vibe/examples/serve/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /**
     * A file and its content type.
     *
     * @param contentType the Content-Type header
     * @param bytes       the content
     */
    record Asset(String contentType, byte[] bytes) {
    }

    private DashboardAssets() {
    }

    /** Request path to file: {@code /index.html}, {@code /assets/app.js}, ... */
    static Map<String, Asset> load() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        Map<String, Asset> assets = new LinkedHashMap<>();
        assets.put("/index.html", new Asset("text/html; charset=utf-8", read(OWN + "index.html")));
        assets.put("/assets/app.js", new Asset("text/javascript; charset=utf-8", read(OWN + "app.js")));
        assets.put("/assets/app.css", new Asset("text/css; charset=utf-8", read(OWN + "app.css")));
        assets.put("/assets/uPlot.min.js", new Asset("text/javascript; charset=utf-8",
                read(uplot + "uPlot.iife.min.js")));
        assets.put("/assets/uPlot.min.css", new Asset("text/css; charset=utf-8", read(uplot + "uPlot.min.css")));
        assets.put("/favicon.ico", new Asset("image/svg+xml", read(OWN + "favicon.svg")));
        return Map.copyOf(assets);
    }

    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = DashboardAssets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is missing from the class path (" + UPLOT_POM + ")");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
