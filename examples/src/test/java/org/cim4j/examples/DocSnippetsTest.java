package org.cim4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles and runs the Java code blocks of the user documentation, so every sample a reader
 * copies works with the current API. The blocks of one file run in order as one method body.
 */
class DocSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import java.time.*;", "import java.util.*;", "import java.math.BigDecimal;",
            "import org.cim4j.*;", "import org.cim4j.customer.*;", "import org.cim4j.interaction.*;",
            "import org.cim4j.commerce.*;", "import org.cim4j.tag.*;", "import org.cim4j.event.ActivityEvents;",
            "import org.cim4j.event.CustomerEvents;", "import org.cim4j.memory.InMemoryStorage;",
            "import org.cim4j.jdbc.JdbcStorage;", "import org.cim4j.cache.CacheSettings;");
    /** Declarations a document's samples use without showing them (the reader's own objects). */
    private static final String PRELUDE = "Queue<Object> loyaltyQueue = new ArrayDeque<>();\n";

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/getting-started.md"})
    void javaBlocks_compileAndRun(String document) throws Exception {
        Path root = projectRoot();
        String markdown = Files.readString(root.resolve(document));
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("java blocks in %s", document).isNotEmpty();

        String source = IMPORTS + "\npublic class DocSample {\n  public static void run() throws Exception {\n"
                + PRELUDE + String.join("\n", blocks) + "\n  }\n}\n";
        Path dir = Files.createTempDirectory("cim4j-doc-sample");
        Path file = dir.resolve("DocSample.java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean ok = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", testClassPath(), "-d", dir.toString(), "-proc:none"), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertThat(ok).as("samples of %s compile:%n%s", document, diagnostics).isTrue();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("DocSample").getMethod("run");
            try {
                run.invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("samples of " + document + " failed when run", e.getCause());
            }
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Path projectRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("README.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
