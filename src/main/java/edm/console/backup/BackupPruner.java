package edm.console.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies the {@link RetentionPolicy} per kind, plus stale leftovers of crashed runs (a killed writer's
 * partial file at once, see {@link StalePartials}; other leftovers after {@link RetentionPolicy#LEFTOVER_GRACE}). The plan is
 * always announced (one line per file) before anything is deleted; a dry run stops there. A backup is
 * removed manifest first, so it leaves the catalogue atomically even if deleting its parts fails.
 */
final class BackupPruner {
    /** One thing to delete, with the line that announces it. */
    record Deletion(Path file, List<Path> parts, String line) {
    }

    private BackupPruner() {
    }

    static List<Deletion> plan(BackupEnvironment env, BackupCatalogue catalogue, Instant now) {
        return plan(env, catalogue, now, StalePartials.PROCESSES);
    }

    static List<Deletion> plan(BackupEnvironment env, BackupCatalogue catalogue, Instant now, StalePartials.Liveness liveness) {
        RetentionPolicy policy = new RetentionPolicy(env.keepDaily(), env.keepWeekly(), env.zone());
        List<Deletion> out = new ArrayList<>();
        for (BackupKind kind : BackupKind.values()) {
            for (BackupRecord r : policy.plan(catalogue.good(kind), now).delete()) {
                List<Path> parts = r.manifest().parts().stream().map(p -> r.dir().resolve(p.file())).toList();
                out.add(new Deletion(r.dir().resolve(r.manifest().fileName()), parts,
                        edm.console.i18n.Messages.t("backup.prune.backup", r.id(), r.created(), r.manifest().size())));
            }
        }
        // A partial naming its writer is judged by that writer (gone: now; running: never); anything else by age.
        List<BackupCatalogue.Leftover> byAge = new ArrayList<>();
        for (BackupCatalogue.Leftover l : catalogue.leftovers()) {
            Optional<StalePartials.Writer> w = StalePartials.known(l.file(), l.modified(), liveness);
            if (w.isEmpty()) {
                byAge.add(l);
            } else if (w.get() == StalePartials.Writer.GONE) {
                out.add(new Deletion(l.file(), List.of(), edm.console.i18n.Messages.t("backup.prune.partial", l.file(), l.size())));
            }
        }
        for (BackupCatalogue.Leftover l : RetentionPolicy.staleLeftovers(byAge, now)) {
            out.add(new Deletion(l.file(), List.of(), edm.console.i18n.Messages.t("backup.prune.leftover", l.file(), l.size())));
        }
        return out;
    }

    /** Announces every deletion, then (unless a dry run) deletes. Returns the number deleted. */
    static int prune(BackupEnvironment env, boolean dryRun, Consumer<String> out) {
        List<Deletion> plan = plan(env, env.catalogue(), env.clock().now());
        if (plan.isEmpty()) {
            out.accept(edm.console.i18n.Messages.t("backup.prune.nothing"));
            return 0;
        }
        out.accept(edm.console.i18n.Messages.t(dryRun ? "backup.prune.wouldDelete" : "backup.prune.willDelete", plan.size()));
        plan.forEach(d -> out.accept("  " + d.line()));
        if (dryRun) {
            return 0;
        }
        int deleted = 0;
        for (Deletion d : plan) {
            try {
                Files.deleteIfExists(d.file());
                for (Path p : d.parts()) {
                    Files.deleteIfExists(p);
                }
                deleted++;
            } catch (IOException e) {
                out.accept(edm.console.i18n.Messages.t("backup.prune.failed", d.file(), BackupException.describe(e)));
            }
        }
        out.accept(edm.console.i18n.Messages.t("backup.prune.done", deleted));
        return deleted;
    }
}
