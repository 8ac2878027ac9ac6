<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <location filename="../app/vaclip-studio/main.cpp" line="+46"/>
        <source>Zero-shot semantic video anomaly detection with CLIP</source>
        <translation>基于 CLIP 的零样本语义视频异常检测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test configuration (YAML) or the workspace (.vaclip) to open.</source>
        <translation>要打开的测试配置（YAML）或工作区（.vaclip）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The training configuration (default: the test configuration).</source>
        <translation>训练配置（默认：测试配置）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raise a panel: datasets, backbone, prompts, metrics, training or jobs; or open the plugins or about dialog.</source>
        <translation>显示面板：datasets、backbone、prompts、metrics、training 或 jobs；或打开 plugins 或 about 对话框。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a dataset folder: asks for its format (the detected one is preselected).</source>
        <translation>导入数据集文件夹：询问其格式（预先选中检测到的格式）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open test video N (0-based).</source>
        <translation>打开第 N 个测试视频（从 0 开始）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to frame F of it.</source>
        <translation>跳到其中的第 F 帧。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User-interface language: de, zh_CN, en or system (default: $VACLIP_STUDIO_LANG, else the setting, else the system&apos;s).</source>
        <translation>界面语言：de、zh_CN、en 或 system（默认：$VACLIP_STUDIO_LANG，其次为设置，再次为系统语言）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Demo workspace</source>
        <translation>演示工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no demo workspace yet. Build it now? It renders the demo worlds, extracts features and trains (a few minutes); the studio opens it when done.</source>
        <translation>尚无演示工作区。现在构建吗？这将渲染演示场景、提取特征并进行训练（需要几分钟）；完成后工作室会自动打开它。</translation>
    </message>
</context>
<context>
    <name>vaclip::studio</name>
    <message>
        <location filename="../ui/export/run_report.cpp" line="+66"/>
        <source>False positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>True positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Run report</source>
        <translation>运行报告</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Per video</source>
        <translation>按视频</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>帧数</translation>
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
        <translation>分数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>anomalous</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… and %n more video(s)</source>
        <translation>
            <numerusform>… 以及另外 %n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>… (%n more line(s))</source>
        <translation>
            <numerusform>…（另有 %n 行）</numerusform>
        </translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::AnnotationModel</name>
    <message>
        <location filename="../ui/annotate/annotation_model.cpp" line="+132"/>
        <source>Add interval</source>
        <translation>添加区间</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Edit interval</source>
        <translation>编辑区间</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Move interval</source>
        <translation>移动区间</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete interval</source>
        <translation>删除区间</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load intervals</source>
        <translation>加载区间</translation>
    </message>
    <message>
        <location filename="../ui/annotate/annotation_model_table.cpp" line="+28"/>
        <source>Last anomalous frame (inclusive)</source>
        <translation>最后一个异常帧（含）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>First frame</source>
        <translation>起始帧</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last frame</source>
        <translation>结束帧</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::AnnotationPanel</name>
    <message>
        <location filename="../ui/annotate/annotation_panel.cpp" line="+183"/>
        <source>&amp;Category of new intervals:</source>
        <translation>新区间的类别(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. bicycle</source>
        <translation>例如 自行车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark in (I)</source>
        <translation>设置入点（I）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an interval at the playhead</source>
        <translation>在播放头处开始一个区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark out (O)</source>
        <translation>设置出点（O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the interval at the playhead (the frame is included)</source>
        <translation>在播放头处结束区间（包含该帧）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to</source>
        <translation>跳转到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seek the video to the first frame of the selected interval</source>
        <translation>将视频定位到所选区间的第一帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last annotation edit (Ctrl+Z)</source>
        <translation>撤销上一次标注编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No video open</source>
        <translation>未打开视频</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n interval(s)</source>
        <translation>
            <numerusform>%n 个区间</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in-point at frame %1</source>
        <translation>入点位于第 %1 帧</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::BackboneInfoJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="+128"/>
        <source>Load backbone</source>
        <translation>加载骨干网络</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::BackbonePanel</name>
    <message>
        <location filename="../ui/panels/backbone_panel.cpp" line="+23"/>
        <source>Use for the session</source>
        <translation>用于本次会话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLIP weights: .pt, .safetensors or a Hugging Face folder</source>
        <translation>CLIP 权重：.pt、.safetensors 或 Hugging Face 文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weights file (.pt, .safetensors)...</source>
        <translation>权重文件（.pt、.safetensors）...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLIP weights</source>
        <translation>CLIP 权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLIP weights (*.pt *.safetensors)</source>
        <translation>CLIP 权重 (*.pt *.safetensors)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hugging Face folder...</source>
        <translation>Hugging Face 文件夹...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hugging Face CLIP folder</source>
        <translation>Hugging Face CLIP 文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedding / input</source>
        <translation>嵌入 / 输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vision / text</source>
        <translation>视觉 / 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backbone id</source>
        <translation>骨干网络 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot switch the backbone</source>
        <translation>无法切换骨干网络</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading %1 ...</source>
        <translation>正在加载 %1 ...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot load the backbone</source>
        <translation>无法加载骨干网络</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1-d embedding, %2 px input, %3 px patches</source>
        <translation>%1 维嵌入，%2 px 输入，%3 px 图块</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n vision layer(s)</source>
        <translation>
            <numerusform>%n 个视觉层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n text layer(s)</source>
        <translation>
            <numerusform>%n 个文本层</numerusform>
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
        <translation>未找到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the session&apos;s backbone.</source>
        <translation>这是当前会话使用的骨干网络。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loaded; not yet used by the session.</source>
        <translation>已加载；会话尚未使用。</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ComparisonView</name>
    <message>
        <location filename="../ui/annotate/comparison_view.cpp" line="+101"/>
        <location line="+28"/>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+28"/>
        <source>Missed</source>
        <translation>漏检</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First frame</source>
        <translation>起始帧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last frame</source>
        <translation>结束帧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak score</source>
        <translation>峰值分数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No scores for this video yet.</source>
        <translation>此视频尚无分数。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n false-positive segment(s)</source>
        <translation>
            <numerusform>%n 个误报片段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+2"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-1"/>
        <source>%1 of %n ground-truth interval(s) missed</source>
        <translation>
            <numerusform>%n 个真值区间中漏检 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At threshold %1: %2 (%3), %4 (%5).</source>
        <translation>阈值 %1 时：%2（%3），%4（%5）。</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::DatasetsPanel</name>
    <message>
        <location filename="../ui/panels/datasets_panel.cpp" line="+46"/>
        <source>Dataset / video</source>
        <translation>数据集 / 视频</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open...</source>
        <translation>打开...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a dataset&apos;s meta.json</source>
        <translation>打开数据集的 meta.json</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import folder...</source>
        <translation>导入文件夹...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a dataset folder with a dataset-format plugin (UCSD Ped1/Ped2, ShanghaiTech, Avenue, plain folder of videos, your plugins)</source>
        <translation>用数据集格式插件导入数据集文件夹（UCSD Ped1/Ped2、ShanghaiTech、Avenue、普通视频文件夹、您自己的插件）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot use this dataset</source>
        <translation>无法使用此数据集</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 train, %2 test</source>
        <translation>%1 个训练，%2 个测试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 anomalous</source>
        <translation>%2 个中 %1 个异常</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>anomalous</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot add the videos</source>
        <translation>无法添加视频</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a configuration first (File &gt; Open configuration): it names the backbone and the feature cache.</source>
        <translation>请先打开一个配置（文件 &gt; 打开配置）：它指定骨干网络和特征缓存。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dataset meta (*.json)</source>
        <translation>数据集元数据 (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot open the dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import dataset folder</source>
        <translation>导入数据集文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot import the folder</source>
        <translation>无法导入该文件夹</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::DemoJob</name>
    <message>
        <location filename="../ui/jobs/demo_job.cpp" line="+22"/>
        <source>Build the demo workspace</source>
        <translation>构建演示工作区</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>demo workspace: %1</source>
        <translation>演示工作区：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2/%3): %4</source>
        <translation>%1（%2/%3）：%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 done after %2 s</source>
        <translation>%1 完成，用时 %2 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: frame AUC %2, AP %3</source>
        <translation>%1：帧级 AUC %2，AP %3</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ExtractJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="-46"/>
        <source>Extract features (%1)</source>
        <translation>提取特征（%1）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>loading the backbone</source>
        <translation>正在加载骨干网络</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n video(s) into %1</source>
        <translation>
            <numerusform>%n 个视频 → %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>video %1/%2, %3 frames/s</source>
        <translation>视频 %1/%2，%3 帧/秒</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1: %2 (%n frame(s))</source>
        <translation>
            <numerusform>%1：%2（%n 帧）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::FrameProvider</name>
    <message>
        <location filename="../ui/player/frame_provider.cpp" line="+191"/>
        <source>frame %1 cannot be decoded</source>
        <translation>第 %1 帧无法解码</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ImageExport</name>
    <message>
        <location filename="../ui/export/image_export.cpp" line="+100"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ImportDatasetDialog</name>
    <message>
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+38"/>
        <source>Import dataset folder</source>
        <translation>导入数据集文件夹</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Auto-detect (no format recognises this folder)</source>
        <translation>自动检测（没有格式能识别此文件夹）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-detect (%1)</source>
        <translation>自动检测（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2 (detected)</source>
        <translation>%1 — %2（已检测到）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No dataset-format plugins were found. Help &gt; Plugins shows the folders searched.</source>
        <translation>未找到数据集格式插件。“帮助 &gt; 插件”显示搜索过的文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plugin recognises this folder&apos;s layout: choose a format to see what it needs.</source>
        <translation>没有插件能识别此文件夹的结构：请选择一种格式以查看它需要什么。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised by: %1. The first one imports it.</source>
        <translation>识别它的插件：%1。由第一个导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plugin %1 %2 (%3) reads: %4</source>
        <translation>插件 %1 %2（%3）读取：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not stated)</source>
        <translation>（未说明）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It does not recognise this folder: the import will probably fail.</source>
        <translation>它不能识别此文件夹：导入很可能会失败。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n plugin problem(s): see Help &gt; Plugins.</source>
        <translation>
            <numerusform>%n 个插件问题：见“帮助 &gt; 插件”。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset&apos;s meta.json is written into the folder.</source>
        <translation>数据集的 meta.json 将写入该文件夹。</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::Job</name>
    <message>
        <location filename="../ui/jobs/job.cpp" line="+48"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::JobPanel</name>
    <message>
        <location filename="../ui/jobs/job_panel.cpp" line="+24"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear finished</source>
        <translation>清除已结束的任务</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+42"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Cancel this job</source>
        <translation>取消此任务</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::LivePixelMetrics</name>
    <message>
        <location filename="../ui/studio/live_pixel_metrics.cpp" line="+40"/>
        <source>testing.pixel_maps is off in the configuration (turn it on and extract patch tokens: vaclip extract --tokens)</source>
        <translation>配置中 testing.pixel_maps 未开启（请开启并提取图块 token：vaclip extract --tokens）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no patch tokens cached for %1 (%2): run vaclip extract --tokens</source>
        <translation>%1 没有缓存的图块 token（%2）：请运行 vaclip extract --tokens</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>the pixel masks of %1 have %n frame(s), its features %2</source>
        <translation>
            <numerusform>%1 的像素掩码有 %n 帧，其特征有 %2 帧</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the test split has no pixel masks</source>
        <translation>测试集没有像素掩码</translation>
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
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backbone</source>
        <translation>骨干网络</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scoring failed</source>
        <translation>评分失败</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 failed</source>
        <translation>%1 失败</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n dataset plugin(s) could not be used: Help &gt; Plugins</source>
        <translation>
            <numerusform>%n 个数据集插件无法使用：见“帮助 &gt; 插件”</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the dataset-format plugins and why some could not be used</source>
        <translation>显示数据集格式插件，以及部分插件无法使用的原因</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Cannot open the configuration</source>
        <translation>无法打开配置</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_runs.cpp" line="-163"/>
        <source>Nothing to keep: the test set is not scored yet.</source>
        <translation>没有可保留的内容：测试集尚未评分。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+31"/>
        <source>Test %1</source>
        <translation>测试 %1</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Kept the run &quot;%1&quot; (Runs panel); results in %2</source>
        <translation>已保留运行“%1”（运行面板）；结果位于 %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+17"/>
        <source>Kept the run &quot;%1&quot; (Runs panel)</source>
        <translation>已保留运行“%1”（运行记录面板）</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Prompts %1</source>
        <translation>提示词 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>run: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run &quot;%1&quot; has no scores for %2</source>
        <translation>运行“%1”没有 %2 的分数</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The run &quot;%1&quot; has %n frame(s) for this video, which does not fit it</source>
        <translation>
            <numerusform>运行“%1”为此视频记录了 %n 帧，与该视频不符</numerusform>
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
        <translation>会话中有尚未保存到工作区的更改。要保存吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workspace %1 has unsaved changes. Save them?</source>
        <translation>工作区 %1 有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Autosaved %1</source>
        <translation>已自动保存 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Autosaved the unsaved session for recovery (%1)</source>
        <translation>已自动保存未保存的会话以便恢复（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recover the unsaved session?</source>
        <translation>恢复未保存的会话吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The studio kept an unsaved session from %1 (autosave). Restore it?</source>
        <translation>工作室保留了 %1 的一个未保存会话（自动保存）。要恢复吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New workspace: the open configuration, prompts and annotations stay; save it with Ctrl+S</source>
        <translation>新建工作区：已打开的配置、提示词和标注保持不变；用 Ctrl+S 保存</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window.cpp" line="+12"/>
        <source>Open configuration</source>
        <translation>打开配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Configurations (*.yaml *.yml)</source>
        <translation>配置文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+23"/>
        <source>Extract features</source>
        <translation>提取特征</translation>
    </message>
    <message>
        <location line="-23"/>
        <location filename="../ui/studio/main_window_runs.cpp" line="-210"/>
        <source>Open a configuration first.</source>
        <translation>请先打开一个配置。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot load the test set</source>
        <translation>无法加载测试集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Features are not extracted yet</source>
        <translation>特征尚未提取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The test set&apos;s CLIP features are not in the feature cache yet.</source>
        <translation>测试集的 CLIP 特征尚不在特征缓存中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extract them now? This runs as a job; the test set loads when it is done.</source>
        <translation>现在提取吗？提取将作为任务运行，完成后自动加载测试集。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&lt;b&gt;VideoAnomalyCLIP Studio&lt;/b&gt;&lt;p&gt;Zero-shot semantic video anomaly detection with CLIP: type what you are looking for and every frame of the test set is scored.&lt;/p&gt;&lt;pre style=&quot;white-space: pre-wrap&quot;&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;b&gt;VideoAnomalyCLIP Studio&lt;/b&gt;&lt;p&gt;基于 CLIP 的零样本语义视频异常检测：输入您要查找的内容，测试集的每一帧都会被评分。&lt;/p&gt;&lt;pre style=&quot;white-space: pre-wrap&quot;&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About VideoAnomalyCLIP Studio</source>
        <translation>关于 VideoAnomalyCLIP Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No configuration open — File &gt; Open configuration (Ctrl+O)</source>
        <translation>未打开配置 — 文件 &gt; 打开配置（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading %1 ...</source>
        <translation>正在加载 %1 ...</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 · %n test video(s) · %2</source>
        <translation>
            <numerusform>%1 · %n 个测试视频 · %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zero-shot (no checkpoint)</source>
        <translation>零样本（无检查点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checkpoint %1</source>
        <translation>检查点 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · not loaded</source>
        <translation>%1 · 未加载</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Frame %1 / %2 · %3 · score %4</source>
        <translation>帧 %1 / %2 · %3 · 分数 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n 个任务运行中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jobs are still running. Cancel them and quit?</source>
        <translation>仍有任务在运行。取消它们并退出吗？</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_menus.cpp" line="+38"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open configuration...</source>
        <translation>打开配置(&amp;O)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New workspace</source>
        <translation>新建工作区(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;workspace...</source>
        <translation>打开工作区(&amp;W)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent wor&amp;kspaces</source>
        <translation>最近的工作区(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve workspace</source>
        <translation>保存工作区(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save workspace &amp;as...</source>
        <translation>工作区另存为(&amp;A)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;dataset...</source>
        <translation>打开数据集(&amp;D)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import dataset folder...</source>
        <translation>导入数据集文件夹(&amp;I)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save prompt set...</source>
        <translation>保存提示词集(&amp;S)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load prompt set...</source>
        <translation>加载提示词集(&amp;L)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Se&amp;ttings...</source>
        <translation>设置(&amp;T)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark &amp;in at the playhead</source>
        <translation>在播放头处设置入点(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;out (adds the interval)</source>
        <translation>设置出点（添加区间）(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Play / pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step &amp;forward</source>
        <translation>前进一帧(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;backward</source>
        <translation>后退一帧(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step forward (large)</source>
        <translation>大步前进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step backward (large)</source>
        <translation>大步后退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;start</source>
        <translation>跳到开头(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;end</source>
        <translation>跳到结尾(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next anomalous segment</source>
        <translation>下一个异常片段(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;revious anomalous segment</source>
        <translation>上一个异常片段(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;ground-truth segment</source>
        <translation>下一个真值片段(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous ground-truth segment</source>
        <translation>上一个真值片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next &amp;video</source>
        <translation>下一个视频(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous v&amp;ideo</source>
        <translation>上一个视频(&amp;I)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Extract features</source>
        <translation>提取特征(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;ume training</source>
        <translation>继续训练(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;load test set</source>
        <translation>重新加载测试集(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test &amp;set (job)...</source>
        <translation>测试集（作业）(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the test set again and keep its evaluation as a test run</source>
        <translation>重新加载测试集，并将其评估保留为一次测试运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep scores as run</source>
        <translation>将分数保留为运行(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel all jobs</source>
        <translation>取消所有任务(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fit video to window</source>
        <translation>视频适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins...</source>
        <translation>插件(&amp;P)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About VideoAnomalyCLIP Studio</source>
        <translation>关于 VideoAnomalyCLIP Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_export.cpp" line="+38"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scores...</source>
        <translation>分数(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Timeline plot...</source>
        <translation>时间线图(&amp;T)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;OC plot...</source>
        <translation>ROC 曲线图(&amp;O)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Precision-recall plot...</source>
        <translation>精确率-召回率曲线图(&amp;P)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current &amp;frame with overlays...</source>
        <translation>当前帧及叠加层(&amp;F)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run &amp;report (PDF)...</source>
        <translation>运行报告 (PDF)(&amp;R)...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>there are no scores yet (open a configuration first)</source>
        <translation>尚无分数（请先打开一个配置）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>there is no evaluation: %1</source>
        <translation>没有评估结果：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no evaluation yet</source>
        <translation>尚无评估结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run report: %1</source>
        <translation>运行报告：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Backbone %1, checkpoint %2, %n test video(s)</source>
        <translation>
            <numerusform>骨干网络 %1，检查点 %2，%n 个测试视频</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (zero-shot)</source>
        <translation>无（零样本）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export scores</source>
        <translation>导出分数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export timeline plot</source>
        <translation>导出时间线图</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export ROC plot</source>
        <translation>导出 ROC 曲线图</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export precision-recall plot</source>
        <translation>导出精确率-召回率曲线图</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export current frame</source>
        <translation>导出当前帧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export run report</source>
        <translation>导出运行报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/studio/main_window_workspace.cpp" line="+179"/>
        <location line="+12"/>
        <location line="+41"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Cannot save the workspace</source>
        <translation>无法保存工作区</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved the workspace %1</source>
        <translation>已保存工作区 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos;: no such workspace file</source>
        <translation>“%1”：没有这个工作区文件</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>the configuration %1 could not be opened%2</source>
        <translation>无法打开配置 %1%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&apos;%1&apos; was opened, but not everything in it could be restored:
%2</source>
        <translation>已打开“%1”，但其中并非所有内容都能恢复：
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workspace partly restored</source>
        <translation>工作区已部分恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened the workspace %1</source>
        <translation>已打开工作区 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restored the unsaved session; save it with Ctrl+S</source>
        <translation>已恢复未保存的会话；请用 Ctrl+S 保存</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspaces (*.vaclip);;All files (*)</source>
        <translation>工作区 (*.vaclip);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspaces (*.vaclip)</source>
        <translation>工作区 (*.vaclip)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::MetricsPanel</name>
    <message>
        <location filename="../ui/panels/metrics_panel.cpp" line="+63"/>
        <source>false positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute now</source>
        <translation>立即计算</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No scores yet.</source>
        <translation>尚无分数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anomalous</source>
        <translation>异常</translation>
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
        <translation>视频分数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live: after every re-scoring (a pixel map of every frame of every test video with masks, much slower than the frame metrics). On demand: only when you press Compute now. Off: never.</source>
        <translation>实时：每次重新评分后计算（为每个带掩码测试视频的每一帧生成像素图，比帧级指标慢得多）。按需：仅在点击“立即计算”时计算。关闭：从不计算。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compute pixel AUROC / AUPRO of the current prompts</source>
        <translation>计算当前提示词的像素级 AUROC / AUPRO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixel metrics:</source>
        <translation>像素级指标：</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Not evaluated: %1</source>
        <translation>未评估：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n bootstrap resample(s) over videos, 95% intervals</source>
        <translation>
            <numerusform>按视频进行 %n 次自助重采样，95% 置信区间</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no bootstrap intervals</source>
        <translation>无自助置信区间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame AUC&lt;/b&gt; (micro)&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame AP&lt;/b&gt; (micro)&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Frame AUC&lt;/b&gt; (macro, %3)&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;&lt;b&gt;Frame AP&lt;/b&gt; (macro)&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Video AUC&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;td&gt;&lt;b&gt;Video AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Pixel AUROC / AUPRO&lt;/b&gt;&lt;/td&gt;&lt;td colspan=3&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;small&gt;%9; %10&lt;/small&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;帧级 AUC&lt;/b&gt;（微平均）&lt;/td&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td&gt;&lt;b&gt;帧级 AP&lt;/b&gt;（微平均）&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;帧级 AUC&lt;/b&gt;（宏平均，%3）&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;&lt;b&gt;帧级 AP&lt;/b&gt;（宏平均）&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;视频级 AUC&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;td&gt;&lt;b&gt;视频级 AP&lt;/b&gt;&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;像素级 AUROC / AUPRO&lt;/b&gt;&lt;/td&gt;&lt;td colspan=3&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;small&gt;%9；%10&lt;/small&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n single-class video(s) left out of the macro means</source>
        <translation>
            <numerusform>%n 个单类别视频未计入宏平均</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+1"/>
        <source>undefined (one class)</source>
        <translation>未定义（仅一个类别）</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>anomalous</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pixel maps of the current prompts from the cached patch tokens, against the ground-truth masks.</source>
        <translation>由缓存的图块 token 计算当前提示词的像素图，并与真值掩码比较。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 / %2 &lt;small&gt;(%n video(s) with pixel masks, AUPRO to FPR %3; %4 s)&lt;/small&gt;</source>
        <translation>
            <numerusform>%1 / %2 &lt;small&gt;（%n 个带像素掩码的视频，AUPRO 计算至 FPR %3；%4 秒）&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>– &lt;small&gt;(%1)&lt;/small&gt;</source>
        <translation>– &lt;small&gt;（%1）&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>computing… &lt;small&gt;(the last took %1 s)&lt;/small&gt;</source>
        <translation>计算中…… &lt;small&gt;（上次用时 %1 秒）&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computing…</source>
        <translation>计算中……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off &lt;small&gt;(Pixel metrics below)&lt;/small&gt;</source>
        <translation>关闭 &lt;small&gt;（见下方“像素级指标”）&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not computed for these prompts &lt;small&gt;(Compute now)&lt;/small&gt;</source>
        <translation>尚未为这些提示词计算 &lt;small&gt;（立即计算）&lt;/small&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>At threshold %1: TPR %2, FPR %3, precision %4, F1 %5</source>
        <translation>阈值 %1 时：TPR %2，FPR %3，精确率 %4，F1 %5</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PluginsDialog</name>
    <message>
        <location filename="../ui/panels/plugin_dialogs.cpp" line="+8"/>
        <source>Dataset-format plugins</source>
        <translation>数据集格式插件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (does not exist)</source>
        <translation>（不存在）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searched, in order:</source>
        <translation>按顺序搜索：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a plugin into the user folder to add a format.</source>
        <translation>把插件复制到用户文件夹即可添加一种格式。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n plugin(s) found:</source>
        <translation>
            <numerusform>找到 %n 个插件：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plugin was skipped.</source>
        <translation>没有跳过任何插件。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n skipped or failed:</source>
        <translation>
            <numerusform>%n 个被跳过或失败：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::PromptsPanel</name>
    <message>
        <location filename="../ui/panels/prompts_panel.cpp" line="+49"/>
        <source>Type a prompt, e.g. &quot;a person riding a bicycle&quot;</source>
        <translation>输入提示词，例如 &quot;a person riding a bicycle&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add the typed prompt (Enter)</source>
        <translation>添加输入的提示词（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected prompts (Delete)</source>
        <translation>删除所选提示词（Delete）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the prompt set...</source>
        <translation>保存提示词集...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load a prompt set...</source>
        <translation>加载提示词集...</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loading the test set...</source>
        <translation>正在加载测试集...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not loaded: %1</source>
        <translation>未加载：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 scored over %2 in %3 ms (evaluated in %4 ms)</source>
        <translation>%1已在 %3 毫秒内对 %2评分（评估用时 %4 毫秒）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n prompt(s)</source>
        <translation>
            <numerusform>%n 个提示词</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln frame(s)</source>
        <translation>
            <numerusform>%Ln 帧</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>too long: %1 tokens, CLIP reads the first %2 (the last %n are ignored)</source>
        <translation>
            <numerusform>过长：%1 个令牌，CLIP 只读取前 %2 个（最后 %n 个被忽略）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not in CLIP&apos;s vocabulary as whole words (spelled out in pieces): %1</source>
        <translation>不是 CLIP 词表中的完整单词（被拆分为子词）：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&apos;%1&apos;: cannot write the prompt set: %2</source>
        <translation>“%1”：无法写入提示词集：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not JSON (%1 at byte %2)</source>
        <translation>不是 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a prompt set (&quot;format&quot; is not &quot;vaclip-prompt-set&quot;)</source>
        <translation>不是提示词集（&quot;format&quot; 不是 &quot;vaclip-prompt-set&quot;）</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>Save prompt set</source>
        <translation>保存提示词集</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+8"/>
        <source>Prompt sets (*.json)</source>
        <translation>提示词集 (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Load prompt set</source>
        <translation>加载提示词集</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunHistory</name>
    <message>
        <location filename="../ui/studio/run_history.cpp" line="+64"/>
        <source>live prompts</source>
        <translation>实时提示词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Frame AUC (micro)</source>
        <translation>帧级 AUC（微平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AP (micro)</source>
        <translation>帧级 AP（微平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AUC (macro)</source>
        <translation>帧级 AUC（宏平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AP (macro)</source>
        <translation>帧级 AP（宏平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video AUC</source>
        <translation>视频级 AUC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video AP</source>
        <translation>视频级 AP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prompts: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(the configuration&apos;s)</source>
        <translation>（配置中的）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint: %1</source>
        <translation>检查点：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <location line="+1"/>
        <source>none (zero-shot)</source>
        <translation>无（零样本）</translation>
    </message>
    <message numerus="yes">
        <location line="-23"/>
        <source>%n video score track(s)</source>
        <translation>
            <numerusform>%n 条视频分数轨迹</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configuration:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A: %1
B: %2</source>
        <translation>A：%1
B：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prompts A: %1</source>
        <translation>提示词 A：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts B: %1</source>
        <translation>提示词 B：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint A: %1</source>
        <translation>检查点 A：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint B: %1</source>
        <translation>检查点 B：%1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::RunReport</name>
    <message>
        <location filename="../ui/export/run_report.cpp" line="-83"/>
        <source>Frame AUC (micro)</source>
        <translation>帧级 AUC（微平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame AP (micro)</source>
        <translation>帧级 AP（微平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frame AUC (macro)</source>
        <translation>帧级 AUC（宏平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame AP (macro)</source>
        <translation>帧级 AP（宏平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video AUC</source>
        <translation>视频级 AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>undefined (one class)</source>
        <translation>未定义（仅一个类别）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video AP</source>
        <translation>视频级 AP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EER</source>
        <translation>EER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames (anomalous / total)</source>
        <translation>帧数（异常 / 总计）</translation>
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
        <translation>保留为运行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show in timeline</source>
        <translation>在时间轴中显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame AUC</source>
        <translation>帧级 AUC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame AP</source>
        <translation>帧级 AP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video AUC</source>
        <translation>视频级 AUC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame-level ROC AUC over all test frames (micro)</source>
        <translation>所有测试帧上的帧级 ROC AUC（微平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame-level average precision over all test frames (micro)</source>
        <translation>所有测试帧上的帧级平均精度（微平均）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video-level ROC AUC (one score per video)</source>
        <translation>视频级 ROC AUC（每个视频一个分数）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a run to see its metrics and configuration; select two to compare them.</source>
        <translation>选择一个运行以查看其指标和配置；选择两个以进行比较。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the current prompts&apos; scores, metrics and score tracks as a run</source>
        <translation>将当前提示词的分数、指标和分数轨迹保留为一次运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlay the run&apos;s score track of the current video on the timeline</source>
        <translation>在时间轴上叠加该运行在当前视频上的分数轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select two runs to compare their metrics</source>
        <translation>选择两个运行以比较其指标</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>Delete %n run(s) and their score tracks? %1</source>
        <translation>
            <numerusform>删除 %n 个运行及其分数轨迹吗？%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::ScoreExport</name>
    <message>
        <location filename="../ui/export/score_export.cpp" line="+69"/>
        <source>NumPy array (*.npy);;CSV table (*.csv);;JSON (*.json)</source>
        <translation>NumPy 数组 (*.npy);;CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::SettingsDialog</name>
    <message>
        <location filename="../ui/studio/studio_settings.cpp" line="+131"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as the configuration says (features.cache_dir)</source>
        <translation>按配置（features.cache_dir）</translation>
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
        <translation>特征缓存文件夹</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no intervals</source>
        <translation>不计算置信区间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>live, after every re-scoring</source>
        <translation>实时，每次重新评分后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on demand (Compute now in the metrics panel)</source>
        <translation>按需（在指标面板中点击“立即计算”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pixel AUROC / AUPRO build a pixel map of every frame of every test video with masks: much slower than the frame metrics.</source>
        <translation>像素级 AUROC / AUPRO 需为每个带掩码测试视频的每一帧生成像素图：比帧级指标慢得多。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compute threads</source>
        <translation>计算线程数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap resamples</source>
        <translation>自助重采样次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixel metrics</source>
        <translation>像素级指标</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::StudioSession</name>
    <message>
        <location filename="../ui/studio/studio_session.cpp" line="+215"/>
        <source>scores restored from the workspace; re-scoring</source>
        <translation>分数已从工作区恢复；正在重新评分</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TestJob</name>
    <message>
        <location filename="../ui/jobs/test_job.cpp" line="+39"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>loading the backbone</source>
        <translation>正在加载主干网络</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loading the test features</source>
        <translation>正在加载测试特征</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>loading normal training features for calibration</source>
        <translation>正在加载用于校准的正常训练特征</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>calibration on normal training frames unavailable: %1</source>
        <translation>无法在正常训练帧上校准：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>scoring %n video(s)</source>
        <translation>
            <numerusform>正在为 %n 个视频评分</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>writing the scores</source>
        <translation>正在写入分数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pixel maps</source>
        <translation>像素图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pixel maps: video %1/%2</source>
        <translation>像素图：视频 %1/%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>evaluating</source>
        <translation>正在评估</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>scored %1 and %2 into %3</source>
        <translation>已评分 %1、%2，写入 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n 帧</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not evaluated: some test videos have no frame ground truth</source>
        <translation>未评估：部分测试视频没有帧级真值</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TimelinePlot</name>
    <message>
        <location filename="../ui/timeline/timeline_plot.cpp" line="+26"/>
        <source>Click or drag: seek. Drag the dashed line: threshold. Shift+drag: new interval. Wheel: zoom. Right-drag: pan. Double-click: whole video.</source>
        <translation>单击或拖动：定位。拖动虚线：调整阈值。Shift+拖动：新建区间。滚轮：缩放。右键拖动：平移。双击：显示整个视频。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Anomaly score</source>
        <translation>异常分数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>score &gt;= threshold</source>
        <translation>分数 &gt;= 阈值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>Frame (%1 fps)</source>
        <translation>帧（%1 fps）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>threshold %1</source>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <location filename="../ui/timeline/timeline_plot_input.cpp" line="+140"/>
        <source>&apos;%1&apos;: cannot write: %2</source>
        <translation>“%1”：无法写入：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos;: cannot encode the plot as PNG</source>
        <translation>“%1”：无法将图表编码为 PNG</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;%1&apos;: cannot write the PDF</source>
        <translation>“%1”：无法写入 PDF</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos;: cannot write the PDF: %2</source>
        <translation>“%1”：无法写入 PDF：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Anomaly score timeline</source>
        <translation>异常分数时间线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos;: cannot render the SVG</source>
        <translation>“%1”：无法渲染 SVG</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TrainJob</name>
    <message>
        <location filename="../ui/jobs/engine_jobs.cpp" line="-92"/>
        <source>Resume training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>loading the backbone</source>
        <translation>正在加载骨干网络</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>backbone %1</source>
        <translation>骨干网络 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading cached features</source>
        <translation>正在加载缓存的特征</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n training video(s)</source>
        <translation>
            <numerusform>%n 个训练视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n validation video(s)</source>
        <translation>
            <numerusform>，%n 个验证视频</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>epoch %1/%2, step %3/%4, loss %5</source>
        <translation>第 %1/%2 轮，第 %3/%4 步，损失 %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>epoch %1: loss %2%3</source>
        <translation>第 %1 轮：损失 %2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, validation AUC %1</source>
        <translation>，验证 AUC %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>resumed after epoch %1</source>
        <translation>从第 %1 轮之后继续</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>cancelled after %n step(s)</source>
        <translation>
            <numerusform>在 %n 步后取消</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished %1, %2; checkpoint %3</source>
        <translation>已完成 %1、%2；检查点 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TrainingPanel</name>
    <message>
        <location filename="../ui/panels/training_panel.cpp" line="+45"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>frame labels</source>
        <translation>帧级标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>video labels (MIL)</source>
        <translation>视频级标签（MIL）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal only (pseudo-anomalies)</source>
        <translation>仅正常样本（伪异常）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open config...</source>
        <translation>打开配置...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size (windows)</source>
        <translation>批大小（窗口数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context tokens</source>
        <translation>上下文令牌数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision</source>
        <translation>监督方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint folder</source>
        <translation>检查点文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint every (epochs)</source>
        <translation>检查点间隔（轮）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Configuration (YAML, editable)</source>
        <translation>配置（YAML，可编辑）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loss (per step)</source>
        <translation>损失（每步）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation AUC (per epoch)</source>
        <translation>验证 AUC（每轮）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Training configuration</source>
        <translation>训练配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training configuration: %1</source>
        <translation>训练配置：%1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Fix the YAML first: %1</source>
        <translation>请先修正 YAML：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>YAML valid</source>
        <translation>YAML 有效</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ETA %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>== resuming from %1</source>
        <translation>== 从 %1 继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>== training, checkpoints to %1</source>
        <translation>== 训练中，检查点保存到 %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>epoch %1/%2 · ETA %3</source>
        <translation>第 %1/%2 轮 · 剩余 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>== %1 after %2 s</source>
        <translation>== %2 秒后%1</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::TransportBar</name>
    <message>
        <location filename="../ui/player/transport_bar.cpp" line="+71"/>
        <source>Go to start (Home)</source>
        <translation>跳到开头（Home）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous ground-truth segment</source>
        <translation>上一个真值片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous predicted anomaly</source>
        <translation>上一个预测异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step back one frame (Left)</source>
        <translation>后退一帧（←）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>Play (Space)</source>
        <translation>播放（空格）</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Step forward one frame (Right)</source>
        <translation>前进一帧（→）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next predicted anomaly</source>
        <translation>下一个预测异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ground-truth segment</source>
        <translation>下一个真值片段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to end (End)</source>
        <translation>跳到结尾（End）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>x%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Frame - / -</source>
        <translation>帧 - / -</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Frame %1 / %2   %3 / %4</source>
        <translation>帧 %1 / %2   %3 / %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
</context>
<context>
    <name>vaclip::studio::VideoView</name>
    <message>
        <location filename="../ui/player/video_view.cpp" line="+79"/>
        <source>Wheel: zoom, drag: pan, 0: fit</source>
        <translation>滚轮：缩放，拖动：平移，0：适应窗口</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Score %1</source>
        <translation>分数 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No video</source>
        <translation>无视频</translation>
    </message>
</context>
</TS>
