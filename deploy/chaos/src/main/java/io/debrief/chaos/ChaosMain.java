package io.debrief.chaos;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code run.sh DURATION [options]}: the long run. Writes its report (Markdown and JSON) to deploy/chaos/results/ and
 * exits 1 when any count is not zero.
 */
public final class ChaosMain {

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: run.sh DURATION [--synchronous-commit on|off] [--service-config defaults|fast-failover|static-membership]\n"
                    + "       [--faults kill-postgres,...] [--rounds N] [--outage 60s] [--pause 10s] [--instances notification=2] [--clients N]\n"
                    + "       [--seed N] [--name NAME]   (DURATION: 90s, 10m, ... ; 'short' for the CI run)");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("debrief.root", ".")).toAbsolutePath().normalize();
        Path chaos = root.resolve("deploy/chaos");
        Path work = chaos.resolve("target/run");
        List<String> options = Arrays.asList(args).subList(1, args.length);
        ChaosSettings settings = args[0].equals("short")
                ? ChaosSettings.shortRun(root, work, chaos.resolve("results"))
                : ChaosSettings.longRun(ChaosSettings.parseDuration(args[0]), root, work, chaos.resolve("results"));
        settings = settings.with(options);
        Report report = ChaosRun.execute(settings);
        Path written = report.write(settings.resultsDir());
        System.out.println(report.markdown());
        System.out.println("report: " + written + " (and .json)");
        System.exit(report.passed() ? 0 : 1);
    }
}
