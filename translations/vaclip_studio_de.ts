<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/vaclip-studio/main.cpp" line="+46"/>
        <source>Zero-shot semantic video anomaly detection with CLIP</source>
        <translation>Semantische Zero-Shot-Anomalieerkennung in Videos mit CLIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test configuration (YAML) or the workspace (.vaclip) to open.</source>
        <translation>Die zu öffnende Testkonfiguration (YAML) oder der Arbeitsbereich (.vaclip).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The training configuration (default: the test configuration).</source>
        <translation>Die Trainingskonfiguration (Standard: die Testkonfiguration).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raise a panel: datasets, backbone, prompts, metrics, training or jobs; or open the plugins or about dialog.</source>
        <translation>Ein Panel nach vorn holen: datasets, backbone, prompts, metrics, training oder jobs; oder den Dialog plugins oder about öffnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a dataset folder: asks for its format (the detected one is preselected).</source>
        <translation>Einen Datensatzordner importieren: fragt nach seinem Format (das erkannte ist vorausgewählt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open test video N (0-based).</source>
        <translation>Testvideo N öffnen (ab 0 gezählt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to frame F of it.</source>
        <translation>Darin zu Frame F springen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User-interface language: de, zh_CN, en or system (default: $VACLIP_STUDIO_LANG, else the setting, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche: de, zh_CN, en oder system (Standard: $VACLIP_STUDIO_LANG, sonst die Einstellung, sonst die des Systems).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Demo workspace</source>
        <translation>Demo-Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no demo workspace yet. Build it now? It renders the demo worlds, extracts features and trains (a few minutes); the studio opens it when done.</source>
        <translation>Es gibt noch keinen Demo-Arbeitsbereich. Jetzt erstellen? Dabei werden die Demo-Welten gerendert, Merkmale extrahiert und ein Modell trainiert (einige Minuten); das Studio öffnet ihn, sobald er fertig ist.</translation>
    </message>
</context>
<context>
    <name>vaclip::studio</name>
    <message>
        <location filename="../ui/export/run_report.cpp" line="+66"/>
        <source>False positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Run report</source>
        <translation>Laufbericht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Per video</source>
        <translation>Pro Video</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… and %n more video(s)</source>
        <translation>
            <numerusform>… und %n weiteres Video</numerusform>
            <numerusform>… und %n weitere Videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>… (%n more line(s))</source>
        <translation>
            <numerusform>… (%n weitere Zeile)</numerusform>
            <numerusform>… (%n weitere Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::AnnotationModel</name>
    <message>
        <location filename="../ui/annotate/annotation_model.cpp" line="+132"/>
        <source>Add interval</source>
        <translation>Intervall hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit interval</source>
        <translation>Intervall bearbeiten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Move interval</source>
        <translation>Intervall verschieben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete interval</source>
        <translation>Intervall löschen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load intervals</source>
        <translation>Intervalle laden</translation>
    </message>
    <message>
        <location filename="../ui/annotate/annotation_model_table.cpp" line="+28"/>
        <source>Last anomalous frame (inclusive)</source>
        <translation>Letzter anomaler Frame (einschließlich)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>First frame</source>
        <translation>Erster Frame</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last frame</source>
        <translation>Letzter Frame</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::AnnotationPanel</name>
    <message>
        <location filename="../ui/annotate/annotation_panel.cpp" line="+183"/>
        <source>&amp;Category of new intervals:</source>
        <translation>&amp;Kategorie neuer Intervalle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. bicycle</source>
        <translation>z. B. Fahrrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark in (I)</source>
        <translation>Anfang setzen (I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an interval at the playhead</source>
        <translation>Ein Intervall an der Abspielposition beginnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark out (O)</source>
        <translation>Ende setzen (O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the interval at the playhead (the frame is included)</source>
        <translation>Das Intervall an der Abspielposition beenden (der Frame gehört dazu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to</source>
        <translation>Springen zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seek the video to the first frame of the selected interval</source>
        <translation>Zum ersten Frame des ausgewählten Intervalls springen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last annotation edit (Ctrl+Z)</source>
        <translation>Letzte Annotationsänderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Wiederherstellen (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No video open</source>
        <translation>Kein Video geöffnet</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n interval(s)</source>
        <translation>
            <numerusform>%n Intervall</numerusform>
            <numerusform>%n Intervalle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in-point at frame %1</source>
        <translation>Anfangspunkt bei Frame %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::BackboneInfoJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="+128"/>
        <source>Load backbone</source>
        <translation>Backbone laden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loading %1</source>
        <translation>lade %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::BackbonePanel</name>
    <message>
        <location filename="../ui/panels/backbone_panel.cpp" line="+23"/>
        <source>Use for the session</source>
        <translation>Für die Sitzung verwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLIP weights: .pt, .safetensors or a Hugging Face folder</source>
        <translation>CLIP-Gewichte: .pt, .safetensors oder ein Hugging-Face-Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights file (.pt, .safetensors)...</source>
        <translation>Gewichtsdatei (.pt, .safetensors)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLIP weights</source>
        <translation>CLIP-Gewichte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLIP weights (*.pt *.safetensors)</source>
        <translation>CLIP-Gewichte (*.pt *.safetensors)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hugging Face folder...</source>
        <translation>Hugging-Face-Ordner...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugging Face CLIP folder</source>
        <translation>Hugging-Face-CLIP-Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedding / input</source>
        <translation>Einbettung / Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vision / text</source>
        <translation>Bild / Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backbone id</source>
        <translation>Backbone-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot switch the backbone</source>
        <translation>Backbone kann nicht gewechselt werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading %1 ...</source>
        <translation>Lade %1 ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot load: %1</source>
        <translation>Laden nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot load the backbone</source>
        <translation>Backbone kann nicht geladen werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1-d embedding, %2 px input, %3 px patches</source>
        <translation>%1-dim. Einbettung, %2 px Eingabe, %3 px Patches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n vision layer(s)</source>
        <translation>
            <numerusform>%n Bildschicht</numerusform>
            <numerusform>%n Bildschichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n text layer(s)</source>
        <translation>
            <numerusform>%n Textschicht</numerusform>
            <numerusform>%n Textschichten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1</source>
        <translation>%L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the session&apos;s backbone.</source>
        <translation>Dies ist das Backbone der Sitzung.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loaded; not yet used by the session.</source>
        <translation>Geladen; von der Sitzung noch nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ComparisonView</name>
    <message>
        <location filename="../ui/annotate/comparison_view.cpp" line="+101"/>
        <location line="+28"/>
        <source>False positive</source>
        <translation>Falsch positiv</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+28"/>
        <source>Missed</source>
        <translation>Verfehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First frame</source>
        <translation>Erster Frame</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last frame</source>
        <translation>Letzter Frame</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak score</source>
        <translation>Höchster Score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No scores for this video yet.</source>
        <translation>Noch keine Scores für dieses Video.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n false-positive segment(s)</source>
        <translation>
            <numerusform>%n falsch-positiver Abschnitt</numerusform>
            <numerusform>%n falsch-positive Abschnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+2"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%1 of %n ground-truth interval(s) missed</source>
        <translation>
            <numerusform>%1 von %n Ground-Truth-Intervall verfehlt</numerusform>
            <numerusform>%1 von %n Ground-Truth-Intervallen verfehlt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At threshold %1: %2 (%3), %4 (%5).</source>
        <translation>Bei Schwelle %1: %2 (%3), %4 (%5).</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::DatasetsPanel</name>
    <message>
        <location filename="../ui/panels/datasets_panel.cpp" line="+46"/>
        <source>Dataset / video</source>
        <translation>Datensatz / Video</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open...</source>
        <translation>Öffnen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a dataset&apos;s meta.json</source>
        <translation>meta.json eines Datensatzes öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder...</source>
        <translation>Ordner importieren...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a dataset folder with a dataset-format plugin (UCSD Ped1/Ped2, ShanghaiTech, Avenue, plain folder of videos, your plugins)</source>
        <translation>Einen Datensatzordner mit einem Datensatzformat-Plugin importieren (UCSD Ped1/Ped2, ShanghaiTech, Avenue, einfacher Videoordner, eigene Plugins)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot use this dataset</source>
        <translation>Dieser Datensatz kann nicht verwendet werden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cached</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 train, %2 test</source>
        <translation>%1 Training, %2 Test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 anomalous</source>
        <translation>%1 von %2 anomal</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot add the videos</source>
        <translation>Die Videos können nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a configuration first (File &gt; Open configuration): it names the backbone and the feature cache.</source>
        <translation>Öffnen Sie zuerst eine Konfiguration (Datei &gt; Konfiguration öffnen): Sie benennt das Backbone und den Merkmals-Cache.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset meta (*.json)</source>
        <translation>Datensatz-Metadaten (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot open the dataset</source>
        <translation>Der Datensatz kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import dataset folder</source>
        <translation>Datensatzordner importieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot import the folder</source>
        <translation>Der Ordner kann nicht importiert werden</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::DemoJob</name>
    <message>
        <location filename="../ui/jobs/demo_job.cpp" line="+22"/>
        <source>Build the demo workspace</source>
        <translation>Demo-Arbeitsbereich erstellen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>demo workspace: %1</source>
        <translation>Demo-Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2/%3): %4</source>
        <translation>%1 (%2/%3): %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 done after %2 s</source>
        <translation>%1 fertig nach %2 s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: frame AUC %2, AP %3</source>
        <translation>%1: Frame-AUC %2, AP %3</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ExtractJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="-46"/>
        <source>Extract features (%1)</source>
        <translation>Merkmale extrahieren (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>loading the backbone</source>
        <translation>lade das Backbone</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n video(s) into %1</source>
        <translation>
            <numerusform>%n Video nach %1</numerusform>
            <numerusform>%n Videos nach %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>video %1/%2, %3 frames/s</source>
        <translation>Video %1/%2, %3 Frames/s</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: %2 (%n frame(s))</source>
        <translation>
            <numerusform>%1: %2 (%n Frame)</numerusform>
            <numerusform>%1: %2 (%n Frames)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::FrameProvider</name>
    <message>
        <location filename="../ui/player/frame_provider.cpp" line="+191"/>
        <source>frame %1 cannot be decoded</source>
        <translation>Frame %1 kann nicht dekodiert werden</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ImageExport</name>
    <message>
        <location filename="../ui/export/image_export.cpp" line="+100"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ImportDatasetDialog</name>
    <message>
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+38"/>
        <source>Import dataset folder</source>
        <translation>Datensatzordner importieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Auto-detect (no format recognises this folder)</source>
        <translation>Automatisch erkennen (kein Format erkennt diesen Ordner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-detect (%1)</source>
        <translation>Automatisch erkennen (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2 (detected)</source>
        <translation>%1 — %2 (erkannt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No dataset-format plugins were found. Help &gt; Plugins shows the folders searched.</source>
        <translation>Es wurden keine Datensatzformat-Plugins gefunden. Hilfe &gt; Plugins zeigt die durchsuchten Ordner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plugin recognises this folder&apos;s layout: choose a format to see what it needs.</source>
        <translation>Kein Plugin erkennt den Aufbau dieses Ordners: Wählen Sie ein Format, um zu sehen, was es erwartet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised by: %1. The first one imports it.</source>
        <translation>Erkannt von: %1. Das erste importiert ihn.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plugin %1 %2 (%3) reads: %4</source>
        <translation>Plugin %1 %2 (%3) liest: %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not stated)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It does not recognise this folder: the import will probably fail.</source>
        <translation>Es erkennt diesen Ordner nicht: Der Import wird wahrscheinlich fehlschlagen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n plugin problem(s): see Help &gt; Plugins.</source>
        <translation>
            <numerusform>%n Plugin-Problem: siehe Hilfe &gt; Plugins.</numerusform>
            <numerusform>%n Plugin-Probleme: siehe Hilfe &gt; Plugins.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset&apos;s meta.json is written into the folder.</source>
        <translation>Die meta.json des Datensatzes wird in den Ordner geschrieben.</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::Job</name>
    <message>
        <location filename="../ui/jobs/job.cpp" line="+48"/>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::JobPanel</name>
    <message>
        <location filename="../ui/jobs/job_panel.cpp" line="+24"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear finished</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+42"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::LivePixelMetrics</name>
    <message>
        <location filename="../ui/studio/live_pixel_metrics.cpp" line="+40"/>
        <source>testing.pixel_maps is off in the configuration (turn it on and extract patch tokens: vaclip extract --tokens)</source>
        <translation>testing.pixel_maps ist in der Konfiguration aus (einschalten und Patch-Tokens extrahieren: vaclip extract --tokens)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no patch tokens cached for %1 (%2): run vaclip extract --tokens</source>
        <translation>keine Patch-Tokens für %1 im Cache (%2): vaclip extract --tokens ausführen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the pixel masks of %1 have %n frame(s), its features %2</source>
        <translation>
            <numerusform>die Pixelmasken von %1 haben %n Frame, seine Merkmale %2</numerusform>
            <numerusform>die Pixelmasken von %1 haben %n Frames, seine Merkmale %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the test split has no pixel masks</source>
        <translation>die Testmenge hat keine Pixelmasken</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::MainWindow</name>
    <message>
        <location filename="../ui/studio/main_window_runs.cpp" line="+246"/>
        <source>VideoAnomalyCLIP Studio</source>
        <translation>VideoAnomalyCLIP Studio</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window.cpp" line="+71"/>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scoring failed</source>
        <translation>Bewertung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n dataset plugin(s) could not be used: Help &gt; Plugins</source>
        <translation>
            <numerusform>%n Datensatz-Plugin konnte nicht verwendet werden: Hilfe &gt; Plugins</numerusform>
            <numerusform>%n Datensatz-Plugins konnten nicht verwendet werden: Hilfe &gt; Plugins</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the dataset-format plugins and why some could not be used</source>
        <translation>Die Datensatzformat-Plugins anzeigen und warum einige nicht verwendet werden konnten</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot open the configuration</source>
        <translation>Die Konfiguration kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_runs.cpp" line="-163"/>
        <source>Nothing to keep: the test set is not scored yet.</source>
        <translation>Nichts zu behalten: Die Testmenge ist noch nicht bewertet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training %1</source>
        <translation>Training %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+31"/>
        <source>Test %1</source>
        <translation>Test %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Test set</source>
        <translation>Testmenge</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Kept the run &quot;%1&quot; (Runs panel); results in %2</source>
        <translation>Lauf „%1“ behalten (Läufe-Bereich); Ergebnisse in %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+17"/>
        <source>Kept the run &quot;%1&quot; (Runs panel)</source>
        <translation>Lauf „%1“ behalten (Bereich Läufe)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Prompts %1</source>
        <translation>Prompts %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>run: %1</source>
        <translation>Lauf: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run &quot;%1&quot; has no scores for %2</source>
        <translation>Der Lauf „%1“ hat keine Bewertungen für %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The run &quot;%1&quot; has %n frame(s) for this video, which does not fit it</source>
        <translation>
            <numerusform>Der Lauf „%1“ hat %n Frame für dieses Video, das passt nicht</numerusform>
            <numerusform>Der Lauf „%1“ hat %n Frames für dieses Video, das passt nicht</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 — VideoAnomalyCLIP Studio</source>
        <translation>%1 — VideoAnomalyCLIP Studio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The session has changes that are not saved in a workspace. Save them?</source>
        <translation>Die Sitzung hat Änderungen, die in keinem Arbeitsbereich gespeichert sind. Speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workspace %1 has unsaved changes. Save them?</source>
        <translation>Der Arbeitsbereich %1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Autosaved %1</source>
        <translation>%1 automatisch gespeichert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Autosaved the unsaved session for recovery (%1)</source>
        <translation>Ungespeicherte Sitzung zur Wiederherstellung automatisch gesichert (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recover the unsaved session?</source>
        <translation>Ungespeicherte Sitzung wiederherstellen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio kept an unsaved session from %1 (autosave). Restore it?</source>
        <translation>Das Studio hat eine ungespeicherte Sitzung vom %1 aufbewahrt (automatische Sicherung). Wiederherstellen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New workspace: the open configuration, prompts and annotations stay; save it with Ctrl+S</source>
        <translation>Neuer Arbeitsbereich: Die geöffnete Konfiguration, Prompts und Annotationen bleiben; mit Strg+S speichern</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window.cpp" line="+12"/>
        <source>Open configuration</source>
        <translation>Konfiguration öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Configurations (*.yaml *.yml)</source>
        <translation>Konfigurationen (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+23"/>
        <source>Extract features</source>
        <translation>Merkmale extrahieren</translation>
    </message>
    <message>
        <location line="-23"/>
        <location filename="../ui/studio/main_window_runs.cpp" line="-210"/>
        <source>Open a configuration first.</source>
        <translation>Öffnen Sie zuerst eine Konfiguration.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot load the test set</source>
        <translation>Die Testmenge kann nicht geladen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Features are not extracted yet</source>
        <translation>Merkmale sind noch nicht extrahiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test set&apos;s CLIP features are not in the feature cache yet.</source>
        <translation>Die CLIP-Merkmale der Testmenge sind noch nicht im Merkmals-Cache.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract them now? This runs as a job; the test set loads when it is done.</source>
        <translation>Jetzt extrahieren? Dies läuft als Auftrag; die Testmenge wird geladen, sobald er fertig ist.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;b&gt;VideoAnomalyCLIP Studio&lt;/b&gt;&lt;p&gt;Zero-shot semantic video anomaly detection with CLIP: type what you are looking for and every frame of the test set is scored.&lt;/p&gt;&lt;pre style=&quot;white-space: pre-wrap&quot;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;b&gt;VideoAnomalyCLIP Studio&lt;/b&gt;&lt;p&gt;Semantische Zero-Shot-Erkennung von Videoanomalien mit CLIP: Beschreiben Sie, wonach Sie suchen, und jedes Bild des Testsatzes wird bewertet.&lt;/p&gt;&lt;pre style=&quot;white-space: pre-wrap&quot;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About VideoAnomalyCLIP Studio</source>
        <translation>Über VideoAnomalyCLIP Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No configuration open — File &gt; Open configuration (Ctrl+O)</source>
        <translation>Keine Konfiguration geöffnet — Datei &gt; Konfiguration öffnen (Strg+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading %1 ...</source>
        <translation>Lade %1 ...</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %n test video(s) · %2</source>
        <translation>
            <numerusform>%1 · %n Testvideo · %2</numerusform>
            <numerusform>%1 · %n Testvideos · %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zero-shot (no checkpoint)</source>
        <translation>Zero-Shot (kein Checkpoint)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpoint %1</source>
        <translation>Checkpoint %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · not loaded</source>
        <translation>%1 · nicht geladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Frame %1 / %2 · %3 · score %4</source>
        <translation>Frame %1 / %2 · %3 · Score %4</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n Auftrag läuft</numerusform>
            <numerusform>%n Aufträge laufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs are still running. Cancel them and quit?</source>
        <translation>Es laufen noch Aufträge. Abbrechen und beenden?</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_menus.cpp" line="+38"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open configuration...</source>
        <translation>Konfiguration ö&amp;ffnen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New workspace</source>
        <translation>&amp;Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;workspace...</source>
        <translation>&amp;Arbeitsbereich öffnen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent wor&amp;kspaces</source>
        <translation>Zuletzt verwendete Arbeits&amp;bereiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve workspace</source>
        <translation>Arbeitsbereich spei&amp;chern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save workspace &amp;as...</source>
        <translation>Arbeitsbereich speichern &amp;unter...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;dataset...</source>
        <translation>&amp;Datensatz öffnen...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import dataset folder...</source>
        <translation>Datensatzordner &amp;importieren...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save prompt set...</source>
        <translation>Prompt-Set &amp;speichern...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load prompt set...</source>
        <translation>Prompt-Set &amp;laden...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;ttings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark &amp;in at the playhead</source>
        <translation>&amp;Anfang an der Abspielposition setzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;out (adds the interval)</source>
        <translation>&amp;Ende setzen (fügt das Intervall hinzu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play / pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step &amp;forward</source>
        <translation>Schritt &amp;vorwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;backward</source>
        <translation>Schritt &amp;rückwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step forward (large)</source>
        <translation>Großer Schritt vorwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step backward (large)</source>
        <translation>Großer Schritt rückwärts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;start</source>
        <translation>Zum &amp;Anfang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;end</source>
        <translation>Zum &amp;Ende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next anomalous segment</source>
        <translation>&amp;Nächster anomaler Abschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;revious anomalous segment</source>
        <translation>V&amp;origer anomaler Abschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;ground-truth segment</source>
        <translation>Nächster &amp;Ground-Truth-Abschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous ground-truth segment</source>
        <translation>Voriger Ground-Truth-Abschnitt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next &amp;video</source>
        <translation>Nächstes Vi&amp;deo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous v&amp;ideo</source>
        <translation>Vor&amp;iges Video</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Extract features</source>
        <translation>Merkmale &amp;extrahieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ume training</source>
        <translation>Training &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;load test set</source>
        <translation>Testmenge neu &amp;laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test &amp;set (job)...</source>
        <translation>&amp;Testmenge (Job)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the test set again and keep its evaluation as a test run</source>
        <translation>Die Testmenge neu laden und ihre Auswertung als Testlauf behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep scores as run</source>
        <translation>Bewertungen als Lauf &amp;behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel all jobs</source>
        <translation>Alle Aufträge abbre&amp;chen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fit video to window</source>
        <translation>Video an &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins...</source>
        <translation>&amp;Plugins...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About VideoAnomalyCLIP Studio</source>
        <translation>Ü&amp;ber VideoAnomalyCLIP Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_export.cpp" line="+38"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scores...</source>
        <translation>&amp;Scores...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Timeline plot...</source>
        <translation>&amp;Zeitverlauf-Diagramm...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;OC plot...</source>
        <translation>&amp;ROC-Diagramm...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Precision-recall plot...</source>
        <translation>&amp;Precision-Recall-Diagramm...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current &amp;frame with overlays...</source>
        <translation>Aktueller &amp;Frame mit Overlays...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run &amp;report (PDF)...</source>
        <translation>Lauf&amp;bericht (PDF)...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot export %1: %2</source>
        <translation>%1 kann nicht exportiert werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there are no scores yet (open a configuration first)</source>
        <translation>es gibt noch keine Scores (öffnen Sie zuerst eine Konfiguration)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>there is no evaluation: %1</source>
        <translation>es gibt keine Auswertung: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no evaluation yet</source>
        <translation>es gibt noch keine Auswertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run report: %1</source>
        <translation>Laufbericht: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Backbone %1, checkpoint %2, %n test video(s)</source>
        <translation>
            <numerusform>Backbone %1, Checkpoint %2, %n Testvideo</numerusform>
            <numerusform>Backbone %1, Checkpoint %2, %n Testvideos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (zero-shot)</source>
        <translation>keiner (Zero-Shot)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export scores</source>
        <translation>Scores exportieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export timeline plot</source>
        <translation>Zeitverlauf-Diagramm exportieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export ROC plot</source>
        <translation>ROC-Diagramm exportieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export precision-recall plot</source>
        <translation>Precision-Recall-Diagramm exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export current frame</source>
        <translation>Aktuellen Frame exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export run report</source>
        <translation>Laufbericht exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_workspace.cpp" line="+179"/>
        <location line="+12"/>
        <location line="+41"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Cannot save the workspace</source>
        <translation>Der Arbeitsbereich kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved the workspace %1</source>
        <translation>Arbeitsbereich %1 gespeichert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open the workspace</source>
        <translation>Der Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos;: no such workspace file</source>
        <translation>„%1“: Diese Arbeitsbereichsdatei gibt es nicht</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>the configuration %1 could not be opened%2</source>
        <translation>die Konfiguration %1 konnte nicht geöffnet werden%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&apos;%1&apos; was opened, but not everything in it could be restored:
%2</source>
        <translation>„%1“ wurde geöffnet, aber nicht alles darin konnte wiederhergestellt werden:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workspace partly restored</source>
        <translation>Arbeitsbereich teilweise wiederhergestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened the workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restored the unsaved session; save it with Ctrl+S</source>
        <translation>Die ungespeicherte Sitzung wurde wiederhergestellt; speichern Sie sie mit Strg+S</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspaces (*.vaclip);;All files (*)</source>
        <translation>Arbeitsbereiche (*.vaclip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save workspace</source>
        <translation>Arbeitsbereich speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspaces (*.vaclip)</source>
        <translation>Arbeitsbereiche (*.vaclip)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::MetricsPanel</name>
    <message>
        <location filename="../ui/panels/metrics_panel.cpp" line="+63"/>
        <source>false positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute now</source>
        <translation>Jetzt berechnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No scores yet.</source>
        <translation>Noch keine Scores.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anomalous</source>
        <translation>Anomal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video score</source>
        <translation>Video-Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on demand</source>
        <translation>auf Anforderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live: after every re-scoring (a pixel map of every frame of every test video with masks, much slower than the frame metrics). On demand: only when you press Compute now. Off: never.</source>
        <translation>Live: nach jeder Neubewertung (eine Pixelkarte für jeden Frame jedes Testvideos mit Masken, viel langsamer als die Frame-Metriken). Auf Anforderung: nur wenn Sie „Jetzt berechnen“ drücken. Aus: nie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compute pixel AUROC / AUPRO of the current prompts</source>
        <translation>Pixel-AUROC / AUPRO der aktuellen Prompts berechnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixel metrics:</source>
        <translation>Pixelmetriken:</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Not evaluated: %1</source>
        <translation>Nicht ausgewertet: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n bootstrap resample(s) over videos, 95% intervals</source>
        <translation>
            <numerusform>%n Bootstrap-Stichprobe über Videos, 95-%-Intervalle</numerusform>
            <numerusform>%n Bootstrap-Stichproben über Videos, 95-%-Intervalle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bootstrap intervals</source>
        <translation>keine Bootstrap-Intervalle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame AUC&lt;/b&gt; (micro)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame AP&lt;/b&gt; (micro)&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame AUC&lt;/b&gt; (macro, %3)&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame AP&lt;/b&gt; (macro)&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Video AUC&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;td&gt;&lt;b&gt;Video AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Pixel AUROC / AUPRO&lt;/b&gt;&lt;/td&gt;&lt;td colspan=3&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;small&gt;%9; %10&lt;/small&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame-AUC&lt;/b&gt; (mikro)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame-AP&lt;/b&gt; (mikro)&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame-AUC&lt;/b&gt; (makro, %3)&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame-AP&lt;/b&gt; (makro)&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Video-AUC&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;td&gt;&lt;b&gt;Video-AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Pixel-AUROC / AUPRO&lt;/b&gt;&lt;/td&gt;&lt;td colspan=3&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;small&gt;%9; %10&lt;/small&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n single-class video(s) left out of the macro means</source>
        <translation>
            <numerusform>%n Video mit nur einer Klasse bleibt bei den Makro-Mitteln unberücksichtigt</numerusform>
            <numerusform>%n Videos mit nur einer Klasse bleiben bei den Makro-Mitteln unberücksichtigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+1"/>
        <source>undefined (one class)</source>
        <translation>undefiniert (nur eine Klasse)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pixel maps of the current prompts from the cached patch tokens, against the ground-truth masks.</source>
        <translation>Pixelkarten der aktuellen Prompts aus den gecachten Patch-Tokens, gegen die Ground-Truth-Masken.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 / %2 &lt;small&gt;(%n video(s) with pixel masks, AUPRO to FPR %3; %4 s)&lt;/small&gt;</source>
        <translation>
            <numerusform>%1 / %2 &lt;small&gt;(%n Video mit Pixelmasken, AUPRO bis FPR %3; %4 s)&lt;/small&gt;</numerusform>
            <numerusform>%1 / %2 &lt;small&gt;(%n Videos mit Pixelmasken, AUPRO bis FPR %3; %4 s)&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>– &lt;small&gt;(%1)&lt;/small&gt;</source>
        <translation>– &lt;small&gt;(%1)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>computing… &lt;small&gt;(the last took %1 s)&lt;/small&gt;</source>
        <translation>wird berechnet … &lt;small&gt;(zuletzt %1 s)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computing…</source>
        <translation>wird berechnet …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off &lt;small&gt;(Pixel metrics below)&lt;/small&gt;</source>
        <translation>aus &lt;small&gt;(Pixelmetriken unten)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not computed for these prompts &lt;small&gt;(Compute now)&lt;/small&gt;</source>
        <translation>für diese Prompts nicht berechnet &lt;small&gt;(Jetzt berechnen)&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>At threshold %1: TPR %2, FPR %3, precision %4, F1 %5</source>
        <translation>Bei Schwelle %1: TPR %2, FPR %3, Präzision %4, F1 %5</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PluginsDialog</name>
    <message>
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+8"/>
        <source>Dataset-format plugins</source>
        <translation>Datensatzformat-Plugins</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads %1</source>
        <translation>liest %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (does not exist)</source>
        <translation> (existiert nicht)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searched, in order:</source>
        <translation>Durchsucht, in dieser Reihenfolge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a plugin into the user folder to add a format.</source>
        <translation>Kopieren Sie ein Plugin in den Benutzerordner, um ein Format hinzuzufügen.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n plugin(s) found:</source>
        <translation>
            <numerusform>%n Plugin gefunden:</numerusform>
            <numerusform>%n Plugins gefunden:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plugin was skipped.</source>
        <translation>Kein Plugin wurde übersprungen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n skipped or failed:</source>
        <translation>
            <numerusform>%n übersprungen oder fehlgeschlagen:</numerusform>
            <numerusform>%n übersprungen oder fehlgeschlagen:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PromptsPanel</name>
    <message>
        <location filename="../ui/panels/prompts_panel.cpp" line="+49"/>
        <source>Type a prompt, e.g. &quot;a person riding a bicycle&quot;</source>
        <translation>Prompt eingeben, z. B. „a person riding a bicycle“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add the typed prompt (Enter)</source>
        <translation>Eingegebenen Prompt hinzufügen (Eingabe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected prompts (Delete)</source>
        <translation>Ausgewählte Prompts entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the prompt set...</source>
        <translation>Prompt-Set speichern...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a prompt set...</source>
        <translation>Prompt-Set laden...</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loading the test set...</source>
        <translation>Lade die Testmenge...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 scored over %2 in %3 ms (evaluated in %4 ms)</source>
        <translation>%1 über %2 in %3 ms bewertet (ausgewertet in %4 ms)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n Prompt</numerusform>
            <numerusform>%n Prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln frame(s)</source>
        <translation>
            <numerusform>%Ln Frame</numerusform>
            <numerusform>%Ln Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>too long: %1 tokens, CLIP reads the first %2 (the last %n are ignored)</source>
        <translation>
            <numerusform>zu lang: %1 Tokens, CLIP liest die ersten %2 (%n Token am Ende wird ignoriert)</numerusform>
            <numerusform>zu lang: %1 Tokens, CLIP liest die ersten %2 (die letzten %n werden ignoriert)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not in CLIP&apos;s vocabulary as whole words (spelled out in pieces): %1</source>
        <translation>nicht als ganze Wörter im CLIP-Vokabular (in Teilstücke zerlegt): %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;%1&apos;: cannot write the prompt set: %2</source>
        <translation>„%1“: Prompt-Set kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not JSON (%1 at byte %2)</source>
        <translation>kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a prompt set (&quot;format&quot; is not &quot;vaclip-prompt-set&quot;)</source>
        <translation>kein Prompt-Set („format“ ist nicht „vaclip-prompt-set“)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>Save prompt set</source>
        <translation>Prompt-Set speichern</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+8"/>
        <source>Prompt sets (*.json)</source>
        <translation>Prompt-Sets (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Load prompt set</source>
        <translation>Prompt-Set laden</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunHistory</name>
    <message>
        <location filename="../ui/studio/run_history.cpp" line="+64"/>
        <source>live prompts</source>
        <translation>Live-Prompts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Frame AUC (micro)</source>
        <translation>Frame-AUC (mikro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AP (micro)</source>
        <translation>Frame-AP (mikro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AUC (macro)</source>
        <translation>Frame-AUC (makro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AP (macro)</source>
        <translation>Frame-AP (makro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video AUC</source>
        <translation>Video-AUC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video AP</source>
        <translation>Video-AP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prompts: %1</source>
        <translation>Prompts: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(the configuration&apos;s)</source>
        <translation>(die der Konfiguration)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint: %1</source>
        <translation>Checkpoint: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <location line="+1"/>
        <source>none (zero-shot)</source>
        <translation>keiner (Zero-Shot)</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>%n video score track(s)</source>
        <translation>
            <numerusform>%n Video-Bewertungsspur</numerusform>
            <numerusform>%n Video-Bewertungsspuren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prompts A: %1</source>
        <translation>Prompts A: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts B: %1</source>
        <translation>Prompts B: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint A: %1</source>
        <translation>Checkpoint A: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint B: %1</source>
        <translation>Checkpoint B: %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunReport</name>
    <message>
        <location filename="../ui/export/run_report.cpp" line="-83"/>
        <source>Frame AUC (micro)</source>
        <translation>Frame-AUC (mikro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame AP (micro)</source>
        <translation>Frame-AP (mikro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AUC (macro)</source>
        <translation>Frame-AUC (makro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame AP (macro)</source>
        <translation>Frame-AP (makro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video AUC</source>
        <translation>Video-AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>undefined (one class)</source>
        <translation>undefiniert (nur eine Klasse)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video AP</source>
        <translation>Video-AP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EER</source>
        <translation>EER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames (anomalous / total)</source>
        <translation>Frames (anomal / gesamt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AUC %1</source>
        <translation>AUC %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunsPanel</name>
    <message>
        <location filename="../ui/panels/runs_panel.cpp" line="+69"/>
        <source>Keep as run</source>
        <translation>Als Lauf behalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show in timeline</source>
        <translation>In der Zeitleiste zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame AUC</source>
        <translation>Frame-AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame AP</source>
        <translation>Frame-AP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video AUC</source>
        <translation>Video-AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame-level ROC AUC over all test frames (micro)</source>
        <translation>ROC-AUC auf Frame-Ebene über alle Test-Frames (mikro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame-level average precision over all test frames (micro)</source>
        <translation>Average Precision auf Frame-Ebene über alle Test-Frames (mikro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video-level ROC AUC (one score per video)</source>
        <translation>ROC-AUC auf Video-Ebene (ein Score pro Video)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a run to see its metrics and configuration; select two to compare them.</source>
        <translation>Wählen Sie einen Lauf, um seine Metriken und Konfiguration zu sehen; wählen Sie zwei, um sie zu vergleichen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the current prompts&apos; scores, metrics and score tracks as a run</source>
        <translation>Bewertungen, Metriken und Bewertungsspuren der aktuellen Prompts als Lauf behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the run&apos;s score track of the current video on the timeline</source>
        <translation>Die Bewertungsspur des Laufs für das aktuelle Video in der Zeitleiste einblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select two runs to compare their metrics</source>
        <translation>Wählen Sie zwei Läufe, um ihre Metriken zu vergleichen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>Delete %n run(s) and their score tracks? %1</source>
        <translation>
            <numerusform>%n Lauf und seine Bewertungsspuren löschen? %1</numerusform>
            <numerusform>%n Läufe und ihre Bewertungsspuren löschen? %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ScoreExport</name>
    <message>
        <location filename="../ui/export/score_export.cpp" line="+69"/>
        <source>NumPy array (*.npy);;CSV table (*.csv);;JSON (*.json)</source>
        <translation>NumPy-Array (*.npy);;CSV-Tabelle (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::SettingsDialog</name>
    <message>
        <location filename="../ui/studio/studio_settings.cpp" line="+131"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as the configuration says (features.cache_dir)</source>
        <translation>wie in der Konfiguration (features.cache_dir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>Feature cache folder</source>
        <translation>Ordner des Merkmals-Caches</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no intervals</source>
        <translation>keine Intervalle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>live, after every re-scoring</source>
        <translation>live, nach jeder Neubewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on demand (Compute now in the metrics panel)</source>
        <translation>auf Anforderung („Jetzt berechnen“ unter Metriken)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pixel AUROC / AUPRO build a pixel map of every frame of every test video with masks: much slower than the frame metrics.</source>
        <translation>Pixel-AUROC / AUPRO erstellen eine Pixelkarte für jeden Frame jedes Testvideos mit Masken: viel langsamer als die Frame-Metriken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute threads</source>
        <translation>Rechen-Threads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language (after restart)</source>
        <translation>Sprache (nach Neustart)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap resamples</source>
        <translation>Bootstrap-Stichproben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixel metrics</source>
        <translation>Pixelmetriken</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::StudioSession</name>
    <message>
        <location filename="../ui/studio/studio_session.cpp" line="+215"/>
        <source>scores restored from the workspace; re-scoring</source>
        <translation>Bewertungen aus dem Arbeitsbereich wiederhergestellt; wird neu bewertet</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TestJob</name>
    <message>
        <location filename="../ui/jobs/test_job.cpp" line="+39"/>
        <source>Test set</source>
        <translation>Testmenge</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>loading the backbone</source>
        <translation>Backbone wird geladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loading the test features</source>
        <translation>Test-Merkmale werden geladen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loading normal training features for calibration</source>
        <translation>Normale Trainingsmerkmale für die Kalibrierung werden geladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>calibration on normal training frames unavailable: %1</source>
        <translation>Kalibrierung auf normalen Trainingsframes nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>scoring %n video(s)</source>
        <translation>
            <numerusform>%n Video wird bewertet</numerusform>
            <numerusform>%n Videos werden bewertet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>writing the scores</source>
        <translation>Bewertungen werden geschrieben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pixel maps</source>
        <translation>Pixelkarten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pixel maps: video %1/%2</source>
        <translation>Pixelkarten: Video %1/%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>evaluating</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>scored %1 and %2 into %3</source>
        <translation>%1 und %2 bewertet, nach %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n Video</numerusform>
            <numerusform>%n Videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not evaluated: some test videos have no frame ground truth</source>
        <translation>nicht ausgewertet: einige Testvideos haben keine Frame-Ground-Truth</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TimelinePlot</name>
    <message>
        <location filename="../ui/timeline/timeline_plot.cpp" line="+26"/>
        <source>Click or drag: seek. Drag the dashed line: threshold. Shift+drag: new interval. Wheel: zoom. Right-drag: pan. Double-click: whole video.</source>
        <translation>Klicken oder ziehen: springen. Gestrichelte Linie ziehen: Schwelle. Umschalt+Ziehen: neues Intervall. Mausrad: zoomen. Rechts ziehen: verschieben. Doppelklick: ganzes Video.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Anomaly score</source>
        <translation>Anomalie-Score</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>score &gt;= threshold</source>
        <translation>Score &gt;= Schwelle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>Frame (%1 fps)</source>
        <translation>Frame (%1 fps)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_plot_input.cpp" line="+140"/>
        <source>&apos;%1&apos;: cannot write: %2</source>
        <translation>„%1“: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos;: cannot encode the plot as PNG</source>
        <translation>„%1“: das Diagramm kann nicht als PNG kodiert werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos;: cannot write the PDF</source>
        <translation>„%1“: das PDF kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos;: cannot write the PDF: %2</source>
        <translation>„%1“: das PDF kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Anomaly score timeline</source>
        <translation>Zeitverlauf des Anomalie-Scores</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos;: cannot render the SVG</source>
        <translation>„%1“: das SVG kann nicht gerendert werden</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TrainJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="-92"/>
        <source>Resume training</source>
        <translation>Training fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>loading the backbone</source>
        <translation>lade das Backbone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>backbone %1</source>
        <translation>Backbone %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading cached features</source>
        <translation>lade zwischengespeicherte Merkmale</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n training video(s)</source>
        <translation>
            <numerusform>%n Trainingsvideo</numerusform>
            <numerusform>%n Trainingsvideos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n validation video(s)</source>
        <translation>
            <numerusform>, %n Validierungsvideo</numerusform>
            <numerusform>, %n Validierungsvideos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>epoch %1/%2, step %3/%4, loss %5</source>
        <translation>Epoche %1/%2, Schritt %3/%4, Loss %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>epoch %1: loss %2%3</source>
        <translation>Epoche %1: Loss %2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, validation AUC %1</source>
        <translation>, Validierungs-AUC %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>resumed after epoch %1</source>
        <translation>nach Epoche %1 fortgesetzt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>nach %n Schritt abgebrochen</numerusform>
            <numerusform>nach %n Schritten abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished %1, %2; checkpoint %3</source>
        <translation>%1, %2 abgeschlossen; Checkpoint %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n Epoche</numerusform>
            <numerusform>%n Epochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TrainingPanel</name>
    <message>
        <location filename="../ui/panels/training_panel.cpp" line="+45"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>frame labels</source>
        <translation>Frame-Labels</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>video labels (MIL)</source>
        <translation>Video-Labels (MIL)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal only (pseudo-anomalies)</source>
        <translation>nur normal (Pseudo-Anomalien)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open config...</source>
        <translation>Konfiguration öffnen...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size (windows)</source>
        <translation>Batchgröße (Fenster)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context tokens</source>
        <translation>Kontext-Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision</source>
        <translation>Überwachungsart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint folder</source>
        <translation>Checkpoint-Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint every (epochs)</source>
        <translation>Checkpoint alle (Epochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Configuration (YAML, editable)</source>
        <translation>Konfiguration (YAML, bearbeitbar)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loss (per step)</source>
        <translation>Loss (pro Schritt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation AUC (per epoch)</source>
        <translation>Validierungs-AUC (pro Epoche)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Training configuration</source>
        <translation>Trainingskonfiguration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training configuration: %1</source>
        <translation>Trainingskonfiguration: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Fix the YAML first: %1</source>
        <translation>Korrigieren Sie zuerst das YAML: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>YAML valid</source>
        <translation>YAML gültig</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cancelling...</source>
        <translation>breche ab...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>== resuming from %1</source>
        <translation>== setze fort ab %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>== training, checkpoints to %1</source>
        <translation>== Training, Checkpoints nach %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>epoch %1/%2 · ETA %3</source>
        <translation>Epoche %1/%2 · Restzeit %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>== %1 after %2 s</source>
        <translation>== %1 nach %2 s</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TransportBar</name>
    <message>
        <location filename="../ui/player/transport_bar.cpp" line="+71"/>
        <source>Go to start (Home)</source>
        <translation>Zum Anfang (Pos1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous ground-truth segment</source>
        <translation>Voriger Ground-Truth-Abschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous predicted anomaly</source>
        <translation>Vorige vorhergesagte Anomalie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step back one frame (Left)</source>
        <translation>Einen Frame zurück (Links)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>Play (Space)</source>
        <translation>Abspielen (Leertaste)</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Step forward one frame (Right)</source>
        <translation>Einen Frame vor (Rechts)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next predicted anomaly</source>
        <translation>Nächste vorhergesagte Anomalie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ground-truth segment</source>
        <translation>Nächster Ground-Truth-Abschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to end (End)</source>
        <translation>Zum Ende (Ende)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>x%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Frame - / -</source>
        <translation>Frame - / -</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frame %1 / %2   %3 / %4</source>
        <translation>Frame %1 / %2   %3 / %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::VideoView</name>
    <message>
        <location filename="../ui/player/video_view.cpp" line="+79"/>
        <source>Wheel: zoom, drag: pan, 0: fit</source>
        <translation>Mausrad: zoomen, ziehen: verschieben, 0: einpassen</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No video</source>
        <translation>Kein Video</translation>
    </message>
</context>
</TS>
