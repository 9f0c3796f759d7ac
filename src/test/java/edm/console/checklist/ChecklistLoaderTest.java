package edm.console.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edm.console.config.ConfigProblem;
import edm.console.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theSpecListsAreBuiltInWithTheirItemsAndChecks() {
        ChecklistLoader.Loaded loaded = ChecklistLoader.load(null);
        assertEquals(List.of(), loaded.problems());
        assertEquals(ChecklistLoader.BUILT_IN, loaded.names());
        assertEquals(5, loaded.checklists().get("pre-deploy").items().size());
        assertEquals(6, loaded.checklists().get("deploy").items().size());
        assertEquals(6, loaded.checklists().get("post-deploy").items().size());
        assertEquals(4, loaded.checklists().get("daily").items().size());
        assertEquals(5, loaded.checklists().get("weekly").items().size());
        Checklist incident = loaded.checklists().get("incident");
        assertEquals(6, incident.items().size());
        assertTrue(incident.flow());
        assertEquals("后续分析根本原因", incident.items().get(5).title());
        assertEquals("followUp", incident.items().get(5).record());
        Checklist.Item backup = loaded.checklists().get("pre-deploy").items().get(4);
        assertEquals("备份已完成", backup.title());
        assertEquals(CheckKind.BACKUP, backup.check());
        assertEquals(List.of("backup"), backup.actions());
        Checklist.Item db = loaded.checklists().get("post-deploy").items().get(3);
        assertEquals("数据库连接正常", db.title());
        assertEquals(CheckKind.POSTGRES, db.check());
        assertFalse(loaded.checklists().get("pre-deploy").items().get(0).automatic());
    }

    @Test
    void aBadKeyAndABadCheckAreReportedWithFileLineAndKey() throws IOException {
        Path f = write("mine.yml", """
                title: 我的清单
                items:
                  - title: 第一项
                    colour: red
                  - title: 第二项
                    check: telepathy
                    actions: [logs, dance]
                """);
        ChecklistLoader.Loaded loaded = ChecklistLoader.load(dir);
        assertFalse(loaded.checklists().containsKey("mine"), "a file with problems is left out");
        List<String> lines = loaded.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(f + ":4: items[0].colour: unknown key"), lines.get(0));
        assertTrue(lines.get(1).startsWith(f + ":6: items[1].check: 'telepathy' is not an automatic check"), lines.get(1));
        assertTrue(lines.get(2).startsWith(f + ":7: items[1].actions[1]: 'dance' is not an action"), lines.get(2));
    }

    @Test
    void syntaxErrorsMissingTitlesAndWrongTypesAreReported() throws IOException {
        Path broken = write("broken.yml", "title: x\nitems: [\n");
        Path typed = write("typed.yml", """
                title: t
                flow: maybe
                items:
                  - en: no chinese title
                    required: sometimes
                """);
        List<String> lines = ChecklistLoader.load(dir).problems().stream().map(ConfigProblem::toString).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(broken + ":")), lines.toString());
        assertTrue(lines.contains(typed + ":2: flow: 'maybe' is not true or false"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(typed + ":4: items[0].title: missing")), lines.toString());
        assertTrue(lines.contains(typed + ":5: items[0].required: 'sometimes' is not true or false"), lines.toString());
    }

    @Test
    void aFileNamedLikeABuiltInReplacesItOrExtendsIt() throws IOException {
        write("daily.yml", """
                title: 每日检查（本站）
                items:
                  - title: 只检查磁盘
                    check: disk
                """);
        write("weekly.yml", """
                extend: true
                items:
                  - title: 检查证书有效期
                    en: Check the certificate expiry
                    required: false
                """);
        ChecklistLoader.Loaded loaded = ChecklistLoader.load(dir);
        assertEquals(List.of(), loaded.problems());
        assertEquals(1, loaded.checklists().get("daily").items().size());
        assertEquals(dir.resolve("daily.yml"), loaded.checklists().get("daily").source());
        Checklist weekly = loaded.checklists().get("weekly");
        assertEquals(6, weekly.items().size());
        assertEquals("每周维护", weekly.title());
        assertEquals("检查证书有效期", weekly.items().get(5).title());
        assertFalse(weekly.items().get(5).required());
    }

    @Test
    void extendingAListThatDoesNotExistIsAProblem() throws IOException {
        Path f = write("nightly.yml", "extend: true\nitems:\n  - title: x\n");
        List<String> lines = ChecklistLoader.load(dir).problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(List.of(f + ":1: extend: there is no checklist 'nightly' to extend: give it a title to make it a new one,"
                + " or name the file after an existing checklist"), lines);
    }

    @Test
    void duplicateItemIdsAndBadNamesAreProblems() throws IOException {
        Path f = write("x.yml", """
                name: Bad Name
                title: t
                items:
                  - {id: a, title: one}
                  - {id: a, title: two}
                """);
        List<String> lines = ChecklistLoader.load(dir).problems().stream().map(ConfigProblem::toString).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(f + ":1: name: 'Bad Name' is not a checklist name")), lines.toString());
        assertTrue(lines.contains(f + ":5: items[1].id: item id 'a' is used twice in this checklist"), lines.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
