<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>vaclip::studio</name>
    <message numerus="yes">
        <location filename="../ui/export/run_report.cpp" line="+176"/>
        <source>… and %n more video(s)</source>
        <translation>
            <numerusform>… and %n more video</numerusform>
            <numerusform>… and %n more videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>… (%n more line(s))</source>
        <translation>
            <numerusform>… (%n more line)</numerusform>
            <numerusform>… (%n more lines)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::AnnotationPanel</name>
    <message numerus="yes">
        <location filename="../ui/annotate/annotation_panel.cpp" line="+204"/>
        <source>%n interval(s)</source>
        <translation>
            <numerusform>%n interval</numerusform>
            <numerusform>%n intervals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::BackbonePanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/backbone_panel.cpp" line="+107"/>
        <source>%n vision layer(s)</source>
        <translation>
            <numerusform>%n vision layer</numerusform>
            <numerusform>%n vision layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n text layer(s)</source>
        <translation>
            <numerusform>%n text layer</numerusform>
            <numerusform>%n text layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ComparisonView</name>
    <message numerus="yes">
        <location filename="../ui/annotate/comparison_view.cpp" line="+146"/>
        <source>%n false-positive segment(s)</source>
        <translation>
            <numerusform>%n false-positive segment</numerusform>
            <numerusform>%n false-positive segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+2"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%1 of %n ground-truth interval(s) missed</source>
        <translation>
            <numerusform>%1 of %n ground-truth interval missed</numerusform>
            <numerusform>%1 of %n ground-truth intervals missed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ExtractJob</name>
    <message numerus="yes">
        <location filename="../ui/jobs/engine_jobs.cpp" line="+109"/>
        <source>%n video(s) into %1</source>
        <translation>
            <numerusform>%n video into %1</numerusform>
            <numerusform>%n videos into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1: %2 (%n frame(s))</source>
        <translation>
            <numerusform>%1: %2 (%n frame)</numerusform>
            <numerusform>%1: %2 (%n frames)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ImportDatasetDialog</name>
    <message numerus="yes">
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+99"/>
        <source>%n plugin problem(s): see Help &gt; Plugins.</source>
        <translation>
            <numerusform>%n plugin problem: see Help &gt; Plugins.</numerusform>
            <numerusform>%n plugin problems: see Help &gt; Plugins.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::LivePixelMetrics</name>
    <message numerus="yes">
        <location filename="../ui/studio/live_pixel_metrics.cpp" line="+67"/>
        <source>the pixel masks of %1 have %n frame(s), its features %2</source>
        <translation>
            <numerusform>the pixel masks of %1 have %n frame, its features %2</numerusform>
            <numerusform>the pixel masks of %1 have %n frames, its features %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/studio/main_window.cpp" line="+134"/>
        <source>%n dataset plugin(s) could not be used: Help &gt; Plugins</source>
        <translation>
            <numerusform>%n dataset plugin could not be used: Help &gt; Plugins</numerusform>
            <numerusform>%n dataset plugins could not be used: Help &gt; Plugins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+184"/>
        <source>%1 · %n test video(s) · %2</source>
        <translation>
            <numerusform>%1 · %n test video · %2</numerusform>
            <numerusform>%1 · %n test videos · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/studio/main_window_export.cpp" line="+122"/>
        <source>Backbone %1, checkpoint %2, %n test video(s)</source>
        <translation>
            <numerusform>Backbone %1, checkpoint %2, %n test video</numerusform>
            <numerusform>Backbone %1, checkpoint %2, %n test videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/studio/main_window_runs.cpp" line="+212"/>
        <source>The run &quot;%1&quot; has %n frame(s) for this video, which does not fit it</source>
        <translation>
            <numerusform>The run &quot;%1&quot; has %n frame for this video, which does not fit it</numerusform>
            <numerusform>The run &quot;%1&quot; has %n frames for this video, which does not fit it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::MetricsPanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/metrics_panel.cpp" line="+236"/>
        <source>%n bootstrap resample(s) over videos, 95% intervals</source>
        <translation>
            <numerusform>%n bootstrap resample over videos, 95% intervals</numerusform>
            <numerusform>%n bootstrap resamples over videos, 95% intervals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n single-class video(s) left out of the macro means</source>
        <translation>
            <numerusform>%n single-class video left out of the macro means</numerusform>
            <numerusform>%n single-class videos left out of the macro means</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%1 / %2 &lt;small&gt;(%n video(s) with pixel masks, AUPRO to FPR %3; %4 s)&lt;/small&gt;</source>
        <translation>
            <numerusform>%1 / %2 &lt;small&gt;(%n video with pixel masks, AUPRO to FPR %3; %4 s)&lt;/small&gt;</numerusform>
            <numerusform>%1 / %2 &lt;small&gt;(%n videos with pixel masks, AUPRO to FPR %3; %4 s)&lt;/small&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PluginsDialog</name>
    <message numerus="yes">
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+54"/>
        <source>%n plugin(s) found:</source>
        <translation>
            <numerusform>%n plugin found:</numerusform>
            <numerusform>%n plugins found:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n skipped or failed:</source>
        <translation>
            <numerusform>%n skipped or failed:</numerusform>
            <numerusform>%n skipped or failed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PromptsPanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/prompts_panel.cpp" line="+109"/>
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n prompt</numerusform>
            <numerusform>%n prompts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln frame(s)</source>
        <translation>
            <numerusform>%Ln frame</numerusform>
            <numerusform>%Ln frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>too long: %1 tokens, CLIP reads the first %2 (the last %n are ignored)</source>
        <translation>
            <numerusform>too long: %1 tokens, CLIP reads the first %2 (%n token at the end is ignored)</numerusform>
            <numerusform>too long: %1 tokens, CLIP reads the first %2 (the last %n are ignored)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunHistory</name>
    <message numerus="yes">
        <location filename="../ui/studio/run_history.cpp" line="+273"/>
        <source>%n video score track(s)</source>
        <translation>
            <numerusform>%n video score track</numerusform>
            <numerusform>%n video score tracks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunsPanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/runs_panel.cpp" line="+237"/>
        <source>Delete %n run(s) and their score tracks? %1</source>
        <translation>
            <numerusform>Delete %n run and its score tracks? %1</numerusform>
            <numerusform>Delete %n runs and their score tracks? %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TestJob</name>
    <message numerus="yes">
        <location filename="../ui/jobs/test_job.cpp" line="+98"/>
        <source>scoring %n video(s)</source>
        <translation>
            <numerusform>scoring %n video</numerusform>
            <numerusform>scoring %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n frame</numerusform>
            <numerusform>%n frames</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TrainJob</name>
    <message numerus="yes">
        <location filename="../ui/jobs/engine_jobs.cpp" line="-70"/>
        <source>%n training video(s)</source>
        <translation>
            <numerusform>%n training video</numerusform>
            <numerusform>%n training videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n validation video(s)</source>
        <translation>
            <numerusform>, %n validation video</numerusform>
            <numerusform>, %n validation videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>cancelled after %n step</numerusform>
            <numerusform>cancelled after %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
</TS>
