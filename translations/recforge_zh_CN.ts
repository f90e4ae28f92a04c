<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity over time</source>
        <translation>随时间的活跃度</translation>
    </message>
    <message>
        <source>interactions per day</source>
        <translation>每日交互数</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>Category mix</source>
        <translation>类目构成</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>交互数</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DistillSummary</name>
    <message>
        <source>Teacher</source>
        <translation>教师模型</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生模型</translation>
    </message>
    <message>
        <source>Student alone</source>
        <translation>单独训练的学生模型</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>The student has %1 of the teacher&apos;s parameters (%2 vs %3).</source>
        <translation>学生模型的参数量是教师模型的 %1（%2 对 %3）。</translation>
    </message>
    <message>
        <source>Its checkpoint takes %1 of the teacher&apos;s space on disk.</source>
        <translation>其检查点占用的磁盘空间是教师模型的 %1。</translation>
    </message>
    <message>
        <source>It answers one user %1 faster at p50 (%2 vs %3 ms) and %4 faster at p99.</source>
        <translation>单个用户请求的 p50 延迟快 %1（%2 对 %3 毫秒），p99 延迟快 %4。</translation>
    </message>
    <message>
        <source>Batched, it scores %1 the teacher&apos;s users per second.</source>
        <translation>批量打分时，每秒处理的用户数是教师模型的 %1。</translation>
    </message>
    <message>
        <source>It keeps %1 of the teacher&apos;s %2 (the student trained alone: %3).</source>
        <translation>保留了教师模型 %2 的 %1（单独训练的学生模型：%3）。</translation>
    </message>
    <message>
        <source>It keeps %1 of the teacher&apos;s %2.</source>
        <translation>保留了教师模型 %2 的 %1。</translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 of its top-%1 with the teacher&apos;s: %2 (trained alone: %3).</source>
        <translation>其 top-%1 与教师模型的平均 Jaccard@%1：%2（单独训练：%3）。</translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 of its top-%1 with the teacher&apos;s: %2.</source>
        <translation>其 top-%1 与教师模型的平均 Jaccard@%1：%2。</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>view</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>click</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Event funnel</source>
        <translation>事件漏斗</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>交互数</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>GroupedBarChart</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>MetricBarChart</name>
    <message>
        <source>Metric comparison</source>
        <translation>指标对比</translation>
    </message>
    <message>
        <source>Select runs with a metric under the same protocol</source>
        <translation>请选择在同一评估协议下有该指标的运行</translation>
    </message>
</context>
<context>
    <name>ModelSchema</name>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an integer in [%1, %2]</source>
        <translation>[%1, %2] 范围内的整数</translation>
    </message>
    <message>
        <source>a number in [%1, %2]</source>
        <translation>[%1, %2] 范围内的数值</translation>
    </message>
    <message>
        <source>an integer &gt;= %1</source>
        <translation>大于等于 %1 的整数</translation>
    </message>
    <message>
        <source>a number &gt;= %1</source>
        <translation>大于等于 %1 的数值</translation>
    </message>
    <message>
        <source>an integer &lt;= %1</source>
        <translation>小于等于 %1 的整数</translation>
    </message>
    <message>
        <source>a number &lt;= %1</source>
        <translation>小于等于 %1 的数值</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>流行度</translation>
    </message>
    <message>
        <source>Recommends the most frequent items of the training rows to every user (seen items are masked by the evaluator). The baseline every model must beat.</source>
        <translation>向每个用户推荐训练数据中出现次数最多的物品（用户已交互过的物品由评估器屏蔽）。这是每个模型都必须超越的基线。</translation>
    </message>
    <message>
        <source>Count users, not rows</source>
        <translation>按用户计数，而非按行计数</translation>
    </message>
    <message>
        <source>Count each user once per item instead of every interaction row; matters when users repeat items (sessions, views).</source>
        <translation>每位用户对每个物品只计一次，而不是每条交互记录都计数；当用户重复交互同一物品（会话、浏览）时会有区别。</translation>
    </message>
    <message>
        <source>ItemKNN</source>
        <translation>ItemKNN</translation>
    </message>
    <message>
        <source>Item-based collaborative filtering: items bought by the same users are similar; a user gets the items most similar to their history.</source>
        <translation>基于物品的协同过滤：被相同用户购买的物品彼此相似；为用户推荐与其历史记录最相似的物品。</translation>
    </message>
    <message>
        <source>Neighbours per item</source>
        <translation>每个物品的近邻数</translation>
    </message>
    <message>
        <source>How many most-similar items each item keeps. 50-200 works on most shops; more neighbours smooth long-tail items but cost memory.</source>
        <translation>每个物品保留的最相似物品个数。对大多数商店 50-200 即可；近邻越多，长尾物品的结果越平滑，但占用内存越多。</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>收缩系数</translation>
    </message>
    <message>
        <source>Added to the similarity denominator so that pairs seen together by very few users count less. 10 is a robust default.</source>
        <translation>加到相似度的分母上，使只被极少数用户共同交互的物品对权重更低。10 是稳健的默认值。</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Cosine is the standard choice; asymmetric cosine weights the two items&apos; popularity by alpha; Jaccard favours items of similar popularity.</source>
        <translation>余弦（cosine）是标准选择；非对称余弦（asymmetric）用 alpha 对两个物品的流行度加权；Jaccard 偏向流行度相近的物品。</translation>
    </message>
    <message>
        <source>Asymmetry (alpha)</source>
        <translation>非对称度（alpha）</translation>
    </message>
    <message>
        <source>Only for asymmetric cosine: exponent of the target item&apos;s popularity in the denominator (0.5 = plain cosine).</source>
        <translation>仅用于非对称余弦：分母中目标物品流行度的指数（0.5 = 普通余弦）。</translation>
    </message>
    <message>
        <source>Normalise neighbour weights</source>
        <translation>归一化近邻权重</translation>
    </message>
    <message>
        <source>Scale each item&apos;s neighbour similarities to sum 1, so items with many strong neighbours do not dominate.</source>
        <translation>将每个物品的近邻相似度缩放为总和 1，使拥有许多强近邻的物品不会占据主导。</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈类型</translation>
    </message>
    <message>
        <source>binary: every interaction counts 1; values: use ratings / event weights.</source>
        <translation>binary：每次交互计为 1；values：使用评分 / 事件权重。</translation>
    </message>
    <message>
        <source>UserKNN</source>
        <translation>UserKNN</translation>
    </message>
    <message>
        <source>User-based collaborative filtering: the users whose histories overlap most with this user&apos;s recommend what they interacted with.</source>
        <translation>基于用户的协同过滤：由历史记录与该用户重叠最多的那些用户，推荐他们交互过的物品。</translation>
    </message>
    <message>
        <source>Neighbour users</source>
        <translation>近邻用户数</translation>
    </message>
    <message>
        <source>How many most-similar users vote. 20-100 is robust; fewer neighbours give more personal but noisier lists.</source>
        <translation>参与投票的最相似用户个数。20-100 较为稳健；近邻越少，推荐列表越个性化，但噪声也越大。</translation>
    </message>
    <message>
        <source>Added to the similarity denominator so that users sharing very few items count less.</source>
        <translation>加到相似度的分母上，使只共享极少物品的用户权重更低。</translation>
    </message>
    <message>
        <source>Cosine is the standard choice; Jaccard favours users of similar activity.</source>
        <translation>余弦（cosine）是标准选择；Jaccard 偏向活跃度相近的用户。</translation>
    </message>
    <message>
        <source>EASE</source>
        <translation>EASE</translation>
    </message>
    <message>
        <source>Embarrassingly Shallow Autoencoder: a dense item-item model solved in closed form. Strong on small and medium catalogues; memory grows with items^2.</source>
        <translation>极浅自编码器（Embarrassingly Shallow Autoencoder）：以闭式解求得的稠密物品-物品模型。在中小规模商品目录上效果出色；内存随物品数的平方（items^2）增长。</translation>
    </message>
    <message>
        <source>Regularisation (lambda)</source>
        <translation>正则化（lambda）</translation>
    </message>
    <message>
        <source>L2 penalty on the item-item weights. 100-1000 is typical: larger for sparse data with many items, smaller for dense data.</source>
        <translation>物品-物品权重的 L2 惩罚。典型值为 100-1000：物品多的稀疏数据取较大值，稠密数据取较小值。</translation>
    </message>
    <message>
        <source>Item limit</source>
        <translation>物品数上限</translation>
    </message>
    <message>
        <source>Refuse catalogues larger than this: the model needs ~3 dense items x items float matrices while fitting (20000 items = ~5 GB).</source>
        <translation>拒绝超过此规模的商品目录：训练时模型需要约 3 个“物品数 x 物品数”的稠密浮点矩阵（20000 个物品 = 约 5 GB）。</translation>
    </message>
    <message>
        <source>BPR-MF</source>
        <translation>BPR-MF</translation>
    </message>
    <message>
        <source>Matrix factorisation trained with Bayesian Personalised Ranking on implicit feedback: user and item vectors whose dot product ranks a user&apos;s items above uniformly drawn items they have not interacted with. Cold users are folded in from their history.</source>
        <translation>在隐式反馈上用贝叶斯个性化排序（BPR）训练的矩阵分解：学习用户向量和物品向量，使其点积把用户交互过的物品排在均匀抽样的未交互物品之前。冷启动用户根据其历史记录折叠计算（fold-in）。</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Size of the user and item vectors.</source>
        <translation>用户向量和物品向量的维度。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>Passes over the fit rows (upper bound).</source>
        <translation>遍历训练数据的轮数（上限）。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Triples per optimiser step.</source>
        <translation>每个优化步的三元组数。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>AdamW step size.</source>
        <translation>AdamW 步长。</translation>
    </message>
    <message>
        <source>L2 regularisation</source>
        <translation>L2 正则化</translation>
    </message>
    <message>
        <source>Penalty on the batch&apos;s user and item vectors (classic BPR); 0.01 was best on MovieLens-100k.</source>
        <translation>对批次中用户向量和物品向量的惩罚（经典 BPR）；在 MovieLens-100k 上 0.01 效果最佳。</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay.</source>
        <translation>AdamW 解耦权重衰减。</translation>
    </message>
    <message>
        <source>Item bias</source>
        <translation>物品偏置</translation>
    </message>
    <message>
        <source>Learn a per-item bias (a popularity prior).</source>
        <translation>为每个物品学习一个偏置（流行度先验）。</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>Early stopping: epochs without validation improvement (0 = off).</source>
        <translation>早停：验证指标连续无提升的轮数（0 = 关闭）。</translation>
    </message>
    <message>
        <source>SASRec</source>
        <translation>SASRec</translation>
    </message>
    <message>
        <source>Causal self-attentive sequential recommender (Kang &amp; McAuley 2018) trained with softmax cross-entropy over all items: predicts each next item from the items before it.</source>
        <translation>因果自注意力序列推荐模型（Kang &amp; McAuley 2018），以全部物品上的 softmax 交叉熵训练：根据之前的物品预测每一个下一个物品。</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Width of item embeddings and transformer layers; must be a multiple of heads.</source>
        <translation>物品嵌入和 Transformer 层的宽度；必须是注意力头数的整数倍。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Transformer blocks.</source>
        <translation>Transformer 块的个数。</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>注意力头数</translation>
    </message>
    <message>
        <source>Attention heads per block.</source>
        <translation>每个块的注意力头数。</translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation>前馈层大小</translation>
    </message>
    <message>
        <source>Inner width of the point-wise feed-forward layer (usually 4 x hidden).</source>
        <translation>逐位置前馈层的内部宽度（通常为 4 x 隐藏层大小）。</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>最大序列长度</translation>
    </message>
    <message>
        <source>Most recent items a user&apos;s sequence keeps (50 suits Amazon data; 200 for MovieLens-like long histories).</source>
        <translation>用户序列保留的最近物品数（50 适合 Amazon 数据；MovieLens 这类长历史记录用 200）。</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout 比例</translation>
    </message>
    <message>
        <source>Hidden dropout; 0.2-0.5 for sparse data such as Amazon Beauty.</source>
        <translation>隐藏层 dropout；Amazon Beauty 这类稀疏数据取 0.2-0.5。</translation>
    </message>
    <message>
        <source>Attention dropout</source>
        <translation>注意力 Dropout</translation>
    </message>
    <message>
        <source>Dropout on attention weights.</source>
        <translation>作用于注意力权重的 dropout。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Feed-forward activation.</source>
        <translation>前馈层的激活函数。</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>ce: softmax over every item (best quality); sampled: softmax over the target and uniform negatives (large catalogues); bpr: one negative per position.</source>
        <translation>ce：在全部物品上做 softmax（效果最好）；sampled：在目标物品和均匀采样的负样本上做 softmax（适合大型商品目录）；bpr：每个位置一个负样本。</translation>
    </message>
    <message>
        <source>Negatives</source>
        <translation>负采样数</translation>
    </message>
    <message>
        <source>Negatives per position (sampled).</source>
        <translation>每个位置的负样本数（sampled 损失）。</translation>
    </message>
    <message>
        <source>Item features</source>
        <translation>物品特征</translation>
    </message>
    <message>
        <source>Add embeddings of category, brand, attributes and price bucket to items.</source>
        <translation>为物品加入类目、品牌、属性和价格区间的嵌入。</translation>
    </message>
    <message>
        <source>Length buckets</source>
        <translation>按长度分桶</translation>
    </message>
    <message>
        <source>Batch sequences of similar length together: far less padding to compute.</source>
        <translation>把长度相近的序列放进同一批次：大幅减少需要计算的填充。</translation>
    </message>
    <message>
        <source>Upper bound; early stopping ends sooner.</source>
        <translation>上限；早停会提前结束训练。</translation>
    </message>
    <message>
        <source>Sequences per step.</source>
        <translation>每步的序列数。</translation>
    </message>
    <message>
        <source>AdamW peak rate.</source>
        <translation>AdamW 峰值学习率。</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Linear warm-up of the rate.</source>
        <translation>学习率的线性预热。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Rate decay after warm-up.</source>
        <translation>预热之后学习率的衰减方式。</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Global norm clip (0 = off).</source>
        <translation>按全局范数裁剪（0 = 关闭）。</translation>
    </message>
    <message>
        <source>Early stopping on validation NDCG@10 (0 = off).</source>
        <translation>基于验证集 NDCG@10 的早停（0 = 关闭）。</translation>
    </message>
    <message>
        <source>hidden 64, 2 layers, 2 heads (SASRec paper size)</source>
        <translation>隐藏层 64，2 层，2 个注意力头（SASRec 论文规模）</translation>
    </message>
    <message>
        <source>hidden 128, 4 layers, 4 heads</source>
        <translation>隐藏层 128，4 层，4 个注意力头</translation>
    </message>
    <message>
        <source>hidden 256, 8 layers, 8 heads (the pipeline&apos;s teacher)</source>
        <translation>隐藏层 256，8 层，8 个注意力头（流水线的教师模型）</translation>
    </message>
    <message>
        <source>BERT4Rec</source>
        <translation>BERT4Rec</translation>
    </message>
    <message>
        <source>Bidirectional transformer trained with the cloze task (Sun et al. 2019): masked items are predicted from both sides; recommendation predicts a [MASK] appended to the history.</source>
        <translation>用完形填空（cloze）任务训练的双向 Transformer（Sun et al. 2019）：根据两侧上下文预测被遮盖的物品；推荐时预测追加在历史记录末尾的 [MASK]。</translation>
    </message>
    <message>
        <source>Mask probability</source>
        <translation>遮盖概率</translation>
    </message>
    <message>
        <source>Share of positions replaced by [MASK] (cloze training).</source>
        <translation>被替换为 [MASK] 的位置比例（完形填空训练）。</translation>
    </message>
    <message>
        <source>GRU4Rec</source>
        <translation>GRU4Rec</translation>
    </message>
    <message>
        <source>Recurrent session model (Hidasi et al. 2016): a GRU reads the history&apos;s item embeddings and its last state is scored against every item. Small and fast: a distillation student.</source>
        <translation>循环会话模型（Hidasi et al. 2016）：GRU 读取历史中各物品的嵌入，用最后的状态给所有物品打分。小而快：适合作为蒸馏的学生模型。</translation>
    </message>
    <message>
        <source>Width of the item embeddings and of the hidden state scored against them.</source>
        <translation>物品嵌入以及与之打分的隐藏状态的宽度。</translation>
    </message>
    <message>
        <source>GRU layers</source>
        <translation>GRU 层数</translation>
    </message>
    <message>
        <source>Stacked GRU layers.</source>
        <translation>堆叠的 GRU 层数。</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>Pooled-history MLP: the mean of the last items&apos; embeddings and the newest item&apos;s embedding pass through a two-layer MLP scored against every item. No recurrence or attention: the fastest distillation student.</source>
        <translation>历史池化 MLP：最近若干物品嵌入的均值与最新物品的嵌入经过两层 MLP，再与所有物品打分。没有循环也没有注意力：最快的蒸馏学生模型。</translation>
    </message>
    <message>
        <source>Pooling window</source>
        <translation>池化窗口</translation>
    </message>
    <message>
        <source>Most recent items averaged into the history vector.</source>
        <translation>求平均得到历史向量的最近物品数。</translation>
    </message>
</context>
<context>
    <name>PopularityChart</name>
    <message>
        <source>Item popularity (long tail)</source>
        <translation>商品热度（长尾）</translation>
    </message>
    <message>
        <source>item rank</source>
        <translation>商品排名</translation>
    </message>
    <message>
        <source>interactions (log scale)</source>
        <translation>交互数（对数刻度）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>UserHistogramChart</name>
    <message>
        <source>Interactions per user</source>
        <translation>每位用户的交互数</translation>
    </message>
    <message>
        <source>interactions (log scale)</source>
        <translation>交互数（对数刻度）</translation>
    </message>
    <message>
        <source>users (log scale)</source>
        <translation>用户数（对数刻度）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for e-commerce recommender experiments</source>
        <translation>电商推荐实验工作台</translation>
    </message>
    <message>
        <source>Project file to open (*.recforge).</source>
        <translation>要打开的项目文件（*.recforge）。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
</context>
<context>
    <name>recforge::ui::DataPanel</name>
    <message>
        <source>%1 users, %2 items, %3 interactions
%4</source>
        <translation>%1 位用户，%2 个商品，%3 条交互
%4</translation>
    </message>
    <message>
        <source>Could not open the dataset: %1</source>
        <translation>无法打开数据集：%1</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Import data...</source>
        <translation>导入数据...</translation>
    </message>
    <message>
        <source>Generate demo shop...</source>
        <translation>生成演示商店...</translation>
    </message>
    <message>
        <source>This project has no dataset yet. Import interaction logs (CSV, TSV, JSON Lines, MovieLens, RecBole) or generate a synthetic demo shop.</source>
        <translation>此项目还没有数据集。请导入交互日志（CSV、TSV、JSON Lines、MovieLens、RecBole），或生成一个合成的演示商店。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交互</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Splits</source>
        <translation>数据划分</translation>
    </message>
</context>
<context>
    <name>recforge::ui::DatasetOverview</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交互</translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation>稀疏度</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation>商品目录完整度</translation>
    </message>
    <message>
        <source>Show rejected rows...</source>
        <translation>查看被拒绝的行...</translation>
    </message>
    <message>
        <source>%1 interactions per user on average</source>
        <translation>平均每位用户 %1 条交互</translation>
    </message>
    <message>
        <source>%1 with interactions</source>
        <translation>其中 %1 个有交互</translation>
    </message>
    <message>
        <source>median %1 per user</source>
        <translation>每位用户中位数 %1</translation>
    </message>
    <message>
        <source>share of empty user-item cells</source>
        <translation>用户-商品矩阵中空单元格的比例</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>of items have a category; title %1, brand %2, price %3, description %4</source>
        <translation>商品有类目；标题 %1，品牌 %2，价格 %3，描述 %4</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Source: %1. Rows read %2, accepted %3, rejected %4.</source>
        <translation>来源：%1。读取 %2 行，接受 %3 行，拒绝 %4 行。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::DeleteRunJob</name>
    <message>
        <source>Delete run</source>
        <translation>删除运行</translation>
    </message>
</context>
<context>
    <name>recforge::ui::DistillPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation>无法打开实验存储：%1</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2（%3）</translation>
    </message>
    <message>
        <source>Run %1 has no teacher-versus-student comparison yet: %2</source>
        <translation>运行 %1 还没有教师与学生模型的对比：%2</translation>
    </message>
    <message>
        <source>No distillation run in this project yet. Distil a trained model with the Pipeline workspace or recforge-cli distill.</source>
        <translation>此项目还没有蒸馏运行。请在“流水线”工作区或用 recforge-cli distill 蒸馏一个已训练的模型。</translation>
    </message>
    <message>
        <source>Quality: %1. Timed on %2 with %3 thread(s).</source>
        <translation>质量：%1。计时设备 %2，线程数 %3。</translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1（运行 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Distillation run:</source>
        <translation>蒸馏运行：</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the project&apos;s distillation runs again</source>
        <translation>重新列出项目的蒸馏运行</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Size and speed</source>
        <translation>大小与速度</translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <source>Top-K overlap</source>
        <translation>Top-K 重合度</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>按用户</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Size on disk (MB)</source>
        <translation>磁盘占用（MB）</translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation>延迟 p50（毫秒）</translation>
    </message>
    <message>
        <source>Latency p99 (ms)</source>
        <translation>延迟 p99（毫秒）</translation>
    </message>
    <message>
        <source>Users per second</source>
        <translation>每秒用户数</translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 with the teacher</source>
        <translation>与教师模型的平均 Jaccard@%1</translation>
    </message>
    <message>
        <source>Quality of teacher and student</source>
        <translation>教师与学生模型的质量</translation>
    </message>
    <message>
        <source>Parameters (millions)</source>
        <translation>参数量（百万）</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Checkpoint size (MB)</source>
        <translation>检查点大小（MB）</translation>
    </message>
    <message>
        <source>on disk</source>
        <translation>磁盘上</translation>
    </message>
    <message>
        <source>Latency of one user (ms)</source>
        <translation>单个用户的延迟（毫秒）</translation>
    </message>
    <message>
        <source>%1, %2 timed requests</source>
        <translation>%1，%2 次计时请求</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Throughput (users per second)</source>
        <translation>吞吐量（每秒用户数）</translation>
    </message>
    <message>
        <source>batches of %1 users</source>
        <translation>每批 %1 个用户</translation>
    </message>
    <message>
        <source>batched</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生模型</translation>
    </message>
    <message>
        <source>Student alone</source>
        <translation>单独训练的学生模型</translation>
    </message>
    <message>
        <source>Users by Jaccard@%1 of their top-%1 with the teacher&apos;s</source>
        <translation>按 top-%1 与教师模型的 Jaccard@%1 统计的用户数</translation>
    </message>
    <message>
        <source>%1 users; mean %2, p10 %3, median %4, p90 %5</source>
        <translation>%1 个用户；平均 %2，p10 %3，中位数 %4，p90 %5</translation>
    </message>
</context>
<context>
    <name>recforge::ui::DistillUserView</name>
    <message>
        <source>id %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation>%1. %2 — %3</translation>
    </message>
    <message>
        <source>Both models recommend this item</source>
        <translation>两个模型都推荐了此商品</translation>
    </message>
    <message>
        <source>Jaccard@%1: %2</source>
        <translation>Jaccard@%1：%2</translation>
    </message>
    <message>
        <source>Loading the %1&apos;s model…</source>
        <translation>正在加载%1…</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>教师模型</translation>
    </message>
    <message>
        <source>student</source>
        <translation>学生模型</translation>
    </message>
    <message>
        <source>Highlighted: items in both lists</source>
        <translation>高亮：两个列表中都有的商品</translation>
    </message>
    <message>
        <source>Load both models to compare their lists per user</source>
        <translation>加载两个模型以按用户比较其推荐列表</translation>
    </message>
    <message>
        <source>Load models</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Load the teacher&apos;s and the student&apos;s models (in the background)</source>
        <translation>（在后台）加载教师模型和学生模型</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Index of the user in the dataset</source>
        <translation>用户在数据集中的序号</translation>
    </message>
    <message>
        <source>Teacher (run %1): top %2</source>
        <translation>教师模型（运行 %1）：前 %2</translation>
    </message>
    <message>
        <source>Student (run %1): top %2</source>
        <translation>学生模型（运行 %1）：前 %2</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExperimentsPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation>无法打开实验存储：%1</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their metrics, curves and checkpoints?</source>
        <translation>
            <numerusform>删除 %n 个运行及其指标、曲线和检查点？</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete the run: %1</source>
        <translation>无法删除该运行：%1</translation>
    </message>
    <message>
        <source>Runs in the experiment store (select several to compare)</source>
        <translation>实验存储中的运行（可多选进行对比）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected runs (not running ones) with their artifacts</source>
        <translation>删除所选运行（运行中的除外）及其产物</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Metrics comparison</source>
        <translation>指标对比</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Could not export the run: %1</source>
        <translation>无法导出该运行：%1</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the selected finished run: weights, TorchScript, embeddings, top-K lists and a report</source>
        <translation>导出所选已完成的运行：权重、TorchScript、嵌入向量、Top-K 列表和报告</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Could not score the histories: %1</source>
        <translation>无法为这些历史记录打分：%1</translation>
    </message>
    <message>
        <source>Score a file…</source>
        <translation>为文件打分…</translation>
    </message>
    <message>
        <source>Re-open an exported model and write the top-K lists of a file of user histories</source>
        <translation>重新打开已导出的模型，为用户历史文件生成 Top-K 列表</translation>
    </message>
    <message>
        <source>Continue the selected interrupted, failed or cancelled training, fine-tune or distillation run from its last checkpoint</source>
        <translation>从最近的检查点继续所选的已中断、失败或已取消的训练、微调或蒸馏运行</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExportDialog</name>
    <message>
        <source>Export run #%1</source>
        <translation>导出运行 #%1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>safetensors weights + config.json</source>
        <translation>safetensors 权重 + config.json</translation>
    </message>
    <message>
        <source>TorchScript (torch.jit.load in Python)</source>
        <translation>TorchScript（可在 Python 中用 torch.jit.load 加载）</translation>
    </message>
    <message>
        <source>RecForge checkpoint</source>
        <translation>RecForge 检查点</translation>
    </message>
    <message>
        <source>Item and user embeddings (CSV and .npy)</source>
        <translation>物品和用户嵌入向量（CSV 和 .npy）</translation>
    </message>
    <message>
        <source>Top-K lists of every user (CSV)</source>
        <translation>所有用户的 Top-K 列表（CSV）</translation>
    </message>
    <message>
        <source>Experiment report (HTML with curves and metrics)</source>
        <translation>实验报告（含曲线和指标的 HTML）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Top-K length</source>
        <translation>Top-K 长度</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Approximate top-K from an HNSW index (large catalogues)</source>
        <translation>使用 HNSW 索引的近似 Top-K（适合大型商品目录）</translation>
    </message>
    <message>
        <source>Searches an index over the item embeddings instead of scoring every item. Needs an embedding model (BPR, SASRec, BERT4Rec); recall@K against exact top-K is measured on 1000 users and written to config.json.</source>
        <translation>在商品嵌入索引中检索，而不是为每个商品打分。需要嵌入模型（BPR、SASRec、BERT4Rec）；在 1000 个用户上测量相对精确 Top-K 的 recall@K，并写入 config.json。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExportRunJob</name>
    <message>
        <source>Export run #%1</source>
        <translation>导出运行 #%1</translation>
    </message>
</context>
<context>
    <name>recforge::ui::GenerateShopDialog</name>
    <message>
        <source>Generate demo shop</source>
        <translation>生成演示商店</translation>
    </message>
    <message>
        <source>Generates a synthetic shop (catalogue in English and Chinese, users, view/click/cart/purchase sessions). A dataset with the same name is replaced.</source>
        <translation>生成一个合成商店（中英文商品目录、用户，以及浏览/点击/加购/购买会话）。同名数据集将被替换。</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>用户数：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>商品数：</translation>
    </message>
    <message>
        <source>Events (about):</source>
        <translation>事件数（约）：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation>数据集名称：</translation>
    </message>
</context>
<context>
    <name>recforge::ui::GenerateShopJob</name>
    <message>
        <source>Generate demo shop</source>
        <translation>生成演示商店</translation>
    </message>
</context>
<context>
    <name>recforge::ui::HistoryModel</name>
    <message>
        <source>Added by a what-if edit</source>
        <translation>由假设编辑添加</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportEventsPage</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Map each raw event to a kind and a weight (used by weighted objectives).</source>
        <translation>将每个原始事件映射到一种事件类型和权重（用于加权训练目标）。</translation>
    </message>
    <message>
        <source>Distinct events found in the preview. Type a name to keep an event as a custom kind.</source>
        <translation>预览中发现的不同事件。输入名称可将事件保留为自定义类型。</translation>
    </message>
    <message>
        <source>No event column is mapped.</source>
        <translation>未映射事件列。</translation>
    </message>
    <message>
        <source>Raw event</source>
        <translation>原始事件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Keep events not listed here as custom kinds (otherwise reject those rows)</source>
        <translation>将此处未列出的事件保留为自定义类型（否则拒绝这些行）</translation>
    </message>
    <message>
        <source>Every row is a:</source>
        <translation>每一行都视为：</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportFilePage</name>
    <message>
        <source>Interactions file</source>
        <translation>交互文件</translation>
    </message>
    <message>
        <source>Item catalogue file</source>
        <translation>商品目录文件</translation>
    </message>
    <message>
        <source>User attributes file</source>
        <translation>用户属性文件</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.dat *.data *.jsonl *.json *.inter *.item *.user);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.dat *.data *.jsonl *.json *.inter *.item *.user);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the data</source>
        <translation>选择数据</translation>
    </message>
    <message>
        <source>The interaction log is required; a catalogue and user attributes are optional.</source>
        <translation>交互日志为必填项；商品目录和用户属性为可选项。</translation>
    </message>
    <message>
        <source>Interactions:</source>
        <translation>交互：</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Delimited text (CSV, TSV, ...)</source>
        <translation>分隔文本（CSV、TSV 等）</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Sequences (user item1 item2 ...)</source>
        <translation>序列（用户 商品1 商品2 ...）</translation>
    </message>
    <message>
        <source>MovieLens</source>
        <translation>MovieLens</translation>
    </message>
    <message>
        <source>RecBole atomic files</source>
        <translation>RecBole 原子文件</translation>
    </message>
    <message>
        <source>Items (optional):</source>
        <translation>商品（可选）：</translation>
    </message>
    <message>
        <source>Users (optional):</source>
        <translation>用户（可选）：</translation>
    </message>
    <message>
        <source>Path of a CSV, TSV, JSON Lines, MovieLens or RecBole file</source>
        <translation>CSV、TSV、JSON Lines、MovieLens 或 RecBole 文件的路径</translation>
    </message>
    <message>
        <source>Tip: you can drop a file onto this window.</source>
        <translation>提示：可以将文件拖放到此窗口。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportFiltersPage</name>
    <message>
        <source>Name in use</source>
        <translation>名称已被使用</translation>
    </message>
    <message>
        <source>The project already has a dataset named &quot;%1&quot;. Choose another name or tick &quot;Replace&quot;.</source>
        <translation>项目中已有名为“%1”的数据集。请换一个名称，或勾选“替换”。</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>The start of the time window must be before its end.</source>
        <translation>时间窗口的开始必须早于结束。</translation>
    </message>
    <message>
        <source>Filters, split and name</source>
        <translation>过滤、划分与命名</translation>
    </message>
    <message>
        <source>Clean the log, choose how to split it for evaluation, and name the dataset.</source>
        <translation>清洗日志，选择用于评估的划分方式，并为数据集命名。</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>过滤</translation>
    </message>
    <message>
        <source>Remove duplicate rows</source>
        <translation>删除重复行</translation>
    </message>
    <message>
        <source>Repeat until stable (k-core)</source>
        <translation>重复直至稳定（k-core）</translation>
    </message>
    <message>
        <source>Min. interactions per user:</source>
        <translation>每位用户最少交互数：</translation>
    </message>
    <message>
        <source>Min. interactions per item:</source>
        <translation>每个商品最少交互数：</translation>
    </message>
    <message>
        <source>Only between (UTC):</source>
        <translation>仅保留此区间（UTC）：</translation>
    </message>
    <message>
        <source>Make a split</source>
        <translation>创建数据划分</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Replace a dataset with this name</source>
        <translation>替换同名数据集</translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation>错误行：</translation>
    </message>
    <message>
        <source>Skip them and report them</source>
        <translation>跳过并报告</translation>
    </message>
    <message>
        <source>Stop at the first bad row</source>
        <translation>遇到第一个错误行即停止</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportJob</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportMappingPage</name>
    <message>
        <source>(not mapped)</source>
        <translation>（未映射）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Map the file&apos;s columns to users, items, time, event and value. User and item are required.</source>
        <translation>将文件的列映射到用户、商品、时间、事件和数值。用户和商品为必填项。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation>时间戳：</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Value / rating:</source>
        <translation>数值 / 评分：</translation>
    </message>
    <message>
        <source>Timestamp format:</source>
        <translation>时间戳格式：</translation>
    </message>
    <message>
        <source>Custom pattern:</source>
        <translation>自定义格式：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation>Unix 秒</translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation>Unix 毫秒</translation>
    </message>
    <message>
        <source>ISO 8601 date/time</source>
        <translation>ISO 8601 日期/时间</translation>
    </message>
    <message>
        <source>Custom pattern</source>
        <translation>自定义格式</translation>
    </message>
    <message>
        <source>e.g. %d/%m/%Y %H:%M</source>
        <translation>例如 %d/%m/%Y %H:%M</translation>
    </message>
    <message>
        <source>Without a timestamp the row order is the time. Without an event column every row gets the default event chosen on the next page.</source>
        <translation>没有时间戳时，以行的顺序作为时间。没有事件列时，每一行都使用下一页选择的默认事件。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportPreviewPage</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>pipe</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Read as %1, delimiter %2, encoding %3, %4.</source>
        <translation>按 %1 读取，分隔符为%2，编码 %3，%4。</translation>
    </message>
    <message>
        <source>with a header row</source>
        <translation>含表头行</translation>
    </message>
    <message>
        <source>without a header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <source>Read as %1, encoding %2.</source>
        <translation>按 %1 读取，编码 %2。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first %1 rows as they will be read. Adjust the settings if the columns look wrong.</source>
        <translation>以下是将被读取的前 %1 行。如果列看起来不对，请调整设置。</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>逗号 (,)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>分号 (;)</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>竖线 (|)</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>首行为表头</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportRunPage</name>
    <message>
        <source>Rows read: %1, accepted: %2, rejected: %3.</source>
        <translation>读取行数：%1，接受：%2，拒绝：%3。</translation>
    </message>
    <message>
        <source>Dataset &quot;%1&quot; saved: %2 users, %3 items, %4 interactions.</source>
        <translation>数据集“%1”已保存：%2 位用户，%3 个商品，%4 条交互。</translation>
    </message>
    <message>
        <source>Filters removed %1 rows (%2 duplicates, %3 outside the time window, %4 by minimum counts).</source>
        <translation>过滤删除了 %1 行（重复 %2 行，时间窗口外 %3 行，因最少交互数 %4 行）。</translation>
    </message>
    <message>
        <source>Split: train %1, validation %2, test %3, support %4, excluded %5.</source>
        <translation>划分：训练 %1，验证 %2，测试 %3，支持集 %4，排除 %5。</translation>
    </message>
    <message>
        <source>Took %1 s.</source>
        <translation>耗时 %1 秒。</translation>
    </message>
    <message numerus="yes">
        <source>Import of &quot;%1&quot;: %n row(s) rejected.</source>
        <translation>
            <numerusform>导入“%1”：拒绝了 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed; nothing was saved.
%1</source>
        <translation>导入失败，未保存任何内容。
%1</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was saved.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading, filtering, splitting and saving run in the background.</source>
        <translation>读取、过滤、划分和保存均在后台运行。</translation>
    </message>
    <message>
        <source>You can cancel at any time before the data is saved; Back also stops the import.</source>
        <translation>在数据保存之前可以随时取消；点击“上一步”也会停止导入。</translation>
    </message>
    <message>
        <source>Show rejected rows...</source>
        <translation>查看被拒绝的行...</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportWizard</name>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>recforge::ui::InteractionsTableModel</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>recforge::ui::IssuesDock</name>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemMapView</name>
    <message>
        <source>Item embeddings (PCA)</source>
        <translation>商品嵌入（PCA）</translation>
    </message>
    <message>
        <source>This model has no item embeddings: no map.</source>
        <translation>该模型没有商品嵌入：无法绘制地图。</translation>
    </message>
    <message>
        <source>Load a model to see its item map.</source>
        <translation>加载模型以查看其商品地图。</translation>
    </message>
    <message>
        <source>No item embeddings</source>
        <translation>无商品嵌入</translation>
    </message>
    <message>
        <source>Each point is an item, coloured by top-level category; rings are the current recommendations. PC1 explains %1%, PC2 %2% of the variance. Click a point to open the item.</source>
        <translation>每个点是一个商品，按一级类目着色；圆环为当前推荐。PC1 解释 %1% 的方差，PC2 解释 %2%。点击一个点可打开该商品。</translation>
    </message>
    <message>
        <source>PC1</source>
        <translation>PC1</translation>
    </message>
    <message>
        <source>PC2</source>
        <translation>PC2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>open item</source>
        <translation>当前商品</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemView</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Most similar by item-based CF (co-occurrence cosine):</source>
        <translation>基于物品协同过滤的最相似商品（共现余弦）：</translation>
    </message>
    <message>
        <source>Most similar by embeddings: this model has no item embeddings.</source>
        <translation>按嵌入的最相似商品：该模型没有商品嵌入。</translation>
    </message>
    <message>
        <source>Most similar by item embeddings (cosine):</source>
        <translation>按商品嵌入的最相似商品（余弦）：</translation>
    </message>
    <message>
        <source>Click an item in a list, the history or the item map.</source>
        <translation>在列表、历史或商品地图中点击一个商品。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Id: %2&lt;br&gt;Category: %3&lt;br&gt;Brand: %4&lt;br&gt;Price: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;编号：%2&lt;br&gt;类目：%3&lt;br&gt;品牌：%4&lt;br&gt;价格：%5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemsTableModel</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>recforge::ui::Job</name>
    <message>
        <source>Unknown exception in job &quot;%1&quot;</source>
        <translation>任务“%1”中发生未知异常</translation>
    </message>
</context>
<context>
    <name>recforge::ui::JobProgressWidget</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>约剩 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>约剩 %1 小时</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this job at its next checkpoint</source>
        <translation>在下一个检查点停止此任务</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListDistilRunsJob</name>
    <message>
        <source>List distillation runs</source>
        <translation>列出蒸馏运行</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListPipelinesJob</name>
    <message>
        <source>List pipelines</source>
        <translation>列出流水线</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListTrainedRunsJob</name>
    <message>
        <source>List trained models</source>
        <translation>列出已训练模型</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadCurvesJob</name>
    <message>
        <source>Load curves</source>
        <translation>加载曲线</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadDistilRunJob</name>
    <message>
        <source>Load distillation run %1</source>
        <translation>加载蒸馏运行 %1</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadRunModelJob</name>
    <message>
        <source>Load model of run %1</source>
        <translation>加载运行 %1 的模型</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadRunSeriesJob</name>
    <message>
        <source>Load curves</source>
        <translation>加载曲线</translation>
    </message>
</context>
<context>
    <name>recforge::ui::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Could not open project %1: %2</source>
        <translation>无法打开项目 %1：%2</translation>
    </message>
    <message>
        <source>Generated the demo shop &quot;%1&quot;.</source>
        <translation>已生成演示商店“%1”。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>RecForge projects (*.recforge)</source>
        <translation>RecForge 项目 (*.recforge)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>About RecForge</source>
        <translation>关于 RecForge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RecForge %1&lt;/h3&gt;&lt;p&gt;A workbench for e-commerce recommender experiments: import interaction logs and catalogues, pretrain, fine-tune and distil sequence models, tune them and inspect their recommendations.&lt;/p&gt;&lt;p&gt;Build %2, Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;RecForge %1&lt;/h3&gt;&lt;p&gt;电商推荐实验工作台：导入交互日志和商品目录，对序列模型进行预训练、微调和蒸馏，调优超参数并查看推荐结果。&lt;/p&gt;&lt;p&gt;构建 %2，Qt %3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — RecForge</source>
        <translation>%1 — RecForge</translation>
    </message>
    <message>
        <source>RecForge</source>
        <translation>RecForge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Import Data...</source>
        <translation>导入数据(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Generate Demo Shop...</source>
        <translation>生成演示商店(&amp;G)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;About RecForge</source>
        <translation>关于 RecForge(&amp;A)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Datasets: import, overview, tables and splits</source>
        <translation>数据集：导入、概览、数据表和划分</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Registered models: parameters, presets and the Train button</source>
        <translation>已注册的模型：参数、预设和“训练”按钮</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training queue, live loss and validation curves</source>
        <translation>训练队列、实时损失曲线和验证曲线</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Stored runs: compare curves and metrics, details, delete</source>
        <translation>已存储的运行：对比曲线和指标、查看详情、删除</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Per-user recommendations: profiles, explanations, two models side by side, item map, what-if</source>
        <translation>按用户推荐：用户画像、解释、两个模型并排对比、商品地图、假设分析</translation>
    </message>
    <message>
        <source>%1 (resumed)</source>
        <translation>%1（继续）</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个文件到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote the top-K lists of %n user(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个用户的 Top-K 列表写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation>蒸馏</translation>
    </message>
    <message>
        <source>Teacher versus student of a distillation run: size, speed, quality, curves and top-K overlap</source>
        <translation>蒸馏运行中教师与学生模型的对比：大小、速度、质量、曲线和 top-K 重合度</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>Pretrain, fine-tune and distil in one chain: stage parameters, status and live curves</source>
        <translation>预训练、微调、蒸馏一条龙：各阶段参数、状态和实时曲线</translation>
    </message>
</context>
<context>
    <name>recforge::ui::MetricsComparison</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Final test metrics of the selected runs. Each group is one protocol: only numbers in the same group are comparable.</source>
        <translation>所选运行的最终测试指标。每一组对应一个评估协议：只有同一组内的数值可以相互比较。</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ModelsPanel</name>
    <message>
        <source>Baselines</source>
        <translation>基线模型</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>近邻模型</translation>
    </message>
    <message>
        <source>Matrix factorisation</source>
        <translation>矩阵分解</translation>
    </message>
    <message>
        <source>Sequential (transformers)</source>
        <translation>序列模型（Transformer）</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>请选择模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run config (JSON for recforge-cli train --config)</source>
        <translation>运行配置（供 recforge-cli train --config 使用的 JSON）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Queue this run in the Training workspace</source>
        <translation>将此运行加入“训练”工作区的队列</translation>
    </message>
</context>
<context>
    <name>recforge::ui::NewSplitDialog</name>
    <message>
        <source>New split</source>
        <translation>新建划分</translation>
    </message>
    <message>
        <source>New split of dataset &quot;%1&quot;</source>
        <translation>为数据集“%1”新建划分</translation>
    </message>
</context>
<context>
    <name>recforge::ui::OpenDatasetJob</name>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ParamForm</name>
    <message>
        <source>Allowed: %1</source>
        <translation>允许的取值：%1</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>A named set of sizes; the fields below can still be edited</source>
        <translation>一组命名的规模设置；下面的字段仍可编辑</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Advanced parameters</source>
        <translation>高级参数</translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineForm</name>
    <message>
        <source>Objectives:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Mask probability:</source>
        <translation>掩码概率：</translation>
    </message>
    <message>
        <source>Weights (cloze / AAP / MAP):</source>
        <translation>权重（完形填空 / AAP / MAP）：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Text encoder:</source>
        <translation>文本编码器：</translation>
    </message>
    <message>
        <source>Patience:</source>
        <translation>耐心轮数：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Frozen layers:</source>
        <translation>冻结层数：</translation>
    </message>
    <message>
        <source>Layer-wise LR decay:</source>
        <translation>逐层学习率衰减：</translation>
    </message>
    <message>
        <source>Student model:</source>
        <translation>学生模型：</translation>
    </message>
    <message>
        <source>Student hidden size:</source>
        <translation>学生隐藏层大小：</translation>
    </message>
    <message>
        <source>Alpha (teacher share):</source>
        <translation>Alpha（教师占比）：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Encoder shape (SASRec)</source>
        <translation>编码器结构（SASRec）</translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation>隐藏层大小：</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>层数：</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>注意力头数：</translation>
    </message>
    <message>
        <source>Max length:</source>
        <translation>最大长度：</translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <source>1. Pretrain</source>
        <translation>1. 预训练</translation>
    </message>
    <message>
        <source>2. Fine-tune</source>
        <translation>2. 微调</translation>
    </message>
    <message>
        <source>3. Distil</source>
        <translation>3. 蒸馏</translation>
    </message>
    <message>
        <source>cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <source>Masked item prediction over all items (BERT4Rec)</source>
        <translation>在全部商品上预测被掩码的商品（BERT4Rec）</translation>
    </message>
    <message>
        <source>attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>S3-Rec attribute prediction: an item&apos;s attributes from its own vector (AAP) and a masked item&apos;s attributes from its context (MAP)</source>
        <translation>S3-Rec 属性预测：由商品自身向量预测其属性（AAP），由上下文预测被掩码商品的属性（MAP）</translation>
    </message>
    <message>
        <source>MLM first, epochs</source>
        <translation>先做 MLM，轮数</translation>
    </message>
    <message>
        <source>Masked-language pretraining of a text encoder on the catalogue; its vectors join the item representation</source>
        <translation>在商品目录上对文本编码器做掩码语言模型预训练；其向量并入商品表示</translation>
    </message>
    <message>
        <source>The lowest N transformer layers keep their pretrained weights</source>
        <translation>最底部的 N 个 Transformer 层保持预训练权重</translation>
    </message>
    <message>
        <source>Layer i trains at decay^(L-1-i) of the rate; 1 = off</source>
        <translation>第 i 层的学习率为 decay^(L-1-i) 倍；1 = 关闭</translation>
    </message>
    <message>
        <source>Re-initialise the output head</source>
        <translation>重新初始化输出层</translation>
    </message>
    <message>
        <source>Drop the output head (S3-Rec fine-tuning)</source>
        <translation>丢弃输出层（S3-Rec 式微调）</translation>
    </message>
    <message>
        <source>Score next items from the encoder&apos;s output directly, as a model trained from scratch does; the pretrained head is not used</source>
        <translation>直接用编码器的输出为下一个商品打分，与从头训练的模型相同；不使用预训练的输出层</translation>
    </message>
    <message>
        <source>Distil the fine-tuned model into a student</source>
        <translation>将微调后的模型蒸馏为学生模型</translation>
    </message>
    <message>
        <source>loss = alpha × teacher terms + (1 − alpha) × next-item loss</source>
        <translation>损失 = alpha × 教师项 + (1 − alpha) × 下一商品损失</translation>
    </message>
    <message>
        <source>kl: the teacher&apos;s softened softmax; ranking: its top-K list; both</source>
        <translation>kl：教师模型软化后的 softmax；ranking：其 top-K 列表；both：两者兼用</translation>
    </message>
    <message>
        <source>Re-run this stage</source>
        <translation>重新运行此阶段</translation>
    </message>
    <message>
        <source>Run this stage again as a new run with the form&apos;s parameters, then the stages after it</source>
        <translation>以表单中的参数将此阶段作为新运行重新执行，然后执行其后的阶段</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>Cloze scoring (negatives):</source>
        <translation>完形填空打分（负样本数）：</translation>
    </message>
    <message>
        <source>every prefix, its last item masked (S3-Rec)</source>
        <translation>每个前缀一个样本，遮蔽其最后一个商品（S3-Rec）</translation>
    </message>
    <message>
        <source>Each prefix of a shopper&apos;s sequence is one example whose last item is always masked, so pretraining also predicts the next item from the past; off: one example per shopper</source>
        <translation>顾客序列的每个前缀都是一个样本，其最后一个商品总被遮蔽，因此预训练也学习根据历史预测下一个商品；关闭时每位顾客一个样本</translation>
    </message>
    <message>
        <source>every item (full softmax)</source>
        <translation>全部商品（完整 softmax）</translation>
    </message>
    <message>
        <source>sampled negatives</source>
        <translation>采样负样本</translation>
    </message>
    <message>
        <source>Score a masked item against every item, or against uniformly drawn negatives (S3-Rec&apos;s masked item prediction)</source>
        <translation>将被遮蔽的商品与全部商品比较打分，或与均匀抽取的负样本比较（S3-Rec 的遮蔽商品预测）</translation>
    </message>
    <message>
        <source>Negatives drawn per masked item</source>
        <translation>每个被遮蔽商品抽取的负样本数</translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineJob</name>
    <message>
        <source>Run pipeline %1</source>
        <translation>运行流水线 %1</translation>
    </message>
    <message>
        <source>Resume pipeline %1</source>
        <translation>继续流水线 %1</translation>
    </message>
    <message>
        <source>Re-run %1 of pipeline %2</source>
        <translation>重新运行流水线 %2 的 %1 阶段</translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineView</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation>无法打开实验存储：%1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>no curves stored</source>
        <translation>没有保存的曲线</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>流水线</translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation>新建流水线</translation>
    </message>
    <message>
        <source>A new pipeline with the default parameters</source>
        <translation>使用默认参数新建流水线</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;: the pipeline&apos;s file name</source>
        <translation>字母、数字、“-”和“_”：流水线的文件名</translation>
    </message>
    <message>
        <source>Run pipeline</source>
        <translation>运行流水线</translation>
    </message>
    <message>
        <source>Pretrain, fine-tune and distil as new runs, one after the other</source>
        <translation>依次以新运行执行预训练、微调和蒸馏</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue the selected pipeline where it stopped: finished stages are kept, an unfinished stage continues from its last checkpoint</source>
        <translation>从中断处继续所选流水线：保留已完成的阶段，未完成的阶段从最近的检查点继续</translation>
    </message>
    <message>
        <source>A pipeline named &quot;%1&quot; exists already: pick another name, or resume or re-run it.</source>
        <translation>已存在名为“%1”的流水线：请换一个名称，或继续/重新运行它。</translation>
    </message>
    <message>
        <source>The pipeline&apos;s parameters are not valid: %1</source>
        <translation>流水线参数无效：%1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>A pipeline is running already.</source>
        <translation>已有流水线正在运行。</translation>
    </message>
    <message>
        <source>waiting for the first epoch</source>
        <translation>等待第一个轮次</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 — run #%2</source>
        <translation>%1 — 运行 #%2</translation>
    </message>
    <message>
        <source>Data and evaluation</source>
        <translation>数据与评估</translation>
    </message>
    <message>
        <source>the newest dataset</source>
        <translation>最新的数据集</translation>
    </message>
    <message>
        <source>a new leave-one-out split (seed %1)</source>
        <translation>新的留一法划分（种子 %1）</translation>
    </message>
    <message>
        <source>Data: %1 · split: %2</source>
        <translation>数据：%1 · 划分：%2</translation>
    </message>
    <message>
        <source>Data and evaluation…</source>
        <translation>数据与评估…</translation>
    </message>
    <message>
        <source>Dataset, split, seed, device, threads and the test evaluations of a new pipeline</source>
        <translation>新流水线的数据集、划分、随机种子、设备、线程数和测试评估</translation>
    </message>
    <message>
        <source>Training the student without the teacher first (baseline run %1)</source>
        <translation>先在没有教师的情况下训练学生模型（基线运行 %1）</translation>
    </message>
</context>
<context>
    <name>recforge::ui::PreferencesDialog</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The translation for %1 was not found; the interface stays in English.</source>
        <translation>未找到 %1 的翻译文件，界面将保持英文。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Default device:</source>
        <translation>默认设备：</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程数：</translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation>自动（有 CUDA 时使用 CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ProfileView</name>
    <message>
        <source>%1  (similarity %2)</source>
        <translation>%1（相似度 %2）</translation>
    </message>
    <message>
        <source>share of weighted events (%)</source>
        <translation>加权事件占比（%）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Activity per week</source>
        <translation>每周活跃度</translation>
    </message>
    <message>
        <source>events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Nearest users (user-based CF, double-click to open):</source>
        <translation>最近邻用户（基于用户的协同过滤，双击打开）：</translation>
    </message>
    <message>
        <source>No user open.</source>
        <translation>未打开用户。</translation>
    </message>
    <message>
        <source>no prices known</source>
        <translation>无已知价格</translation>
    </message>
    <message>
        <source>bought %1 - %2 (median %3)</source>
        <translation>购买 %1 - %2（中位数 %3）</translation>
    </message>
    <message>
        <source>seen %1 - %2 (median %3)</source>
        <translation>浏览 %1 - %2（中位数 %3）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 events&lt;/b&gt; on %2 items, %3 to %4 (%5).&lt;br&gt;Price range: %6.</source>
        <translation>&lt;b&gt;%1 个事件&lt;/b&gt;，涉及 %2 个商品，%3 至 %4（%5）。&lt;br&gt;价格区间：%6。</translation>
    </message>
    <message>
        <source>Category affinity</source>
        <translation>类目偏好</translation>
    </message>
    <message>
        <source>Brand affinity</source>
        <translation>品牌偏好</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendJob</name>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendationsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>History items most similar to this one: %1</source>
        <translation>与该商品最相似的历史商品：%1</translation>
    </message>
    <message>
        <source>Also recommended by the other model</source>
        <translation>另一个模型也推荐了该商品</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>推荐理由</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendationsPanel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Could not load the model of run %1: %2</source>
        <translation>无法加载运行 %1 的模型：%2</translation>
    </message>
    <message>
        <source>Run %1 was trained on another dataset than model A: side by side needs both models on the same items.</source>
        <translation>运行 %1 与模型 A 使用了不同的数据集：并排对比要求两个模型基于相同的商品。</translation>
    </message>
    <message>
        <source>Model A:</source>
        <translation>模型 A：</translation>
    </message>
    <message>
        <source>Model B:</source>
        <translation>模型 B：</translation>
    </message>
    <message>
        <source>A second model for side by side lists</source>
        <translation>用于并排对比的第二个模型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the project&apos;s trained runs again</source>
        <translation>重新列出项目中已训练的运行</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Any user, at random</source>
        <translation>随机选择任意用户</translation>
    </message>
    <message>
        <source>Heavy</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>A user from the top decile of activity</source>
        <translation>活跃度前 10% 的用户</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>A user with 1 to 3 events</source>
        <translation>有 1 到 3 个事件的用户</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>A user held out by a cold-user split, or without training rows</source>
        <translation>冷启动用户划分中留出的用户，或没有训练行的用户</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类目：</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>价格：</translation>
    </message>
    <message>
        <source>min: any</source>
        <translation>最低：不限</translation>
    </message>
    <message>
        <source>max: any</source>
        <translation>最高：不限</translation>
    </message>
    <message>
        <source>Lowest price (any = no bound; a bound drops unpriced items)</source>
        <translation>最低价格（不限 = 无下限；设置限制时会排除无价格的商品）</translation>
    </message>
    <message>
        <source>Highest price (any = no bound; a bound drops unpriced items)</source>
        <translation>最高价格（不限 = 无上限；设置限制时会排除无价格的商品）</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>排除：</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>不排除</translation>
    </message>
    <message>
        <source>bought items</source>
        <translation>已购买商品</translation>
    </message>
    <message>
        <source>every seen item</source>
        <translation>所有已见商品</translation>
    </message>
    <message>
        <source>K:</source>
        <translation>K：</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item map</source>
        <translation>商品地图</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>What if: drop the selected rows from the history</source>
        <translation>假设：从历史中删除所选行</translation>
    </message>
    <message>
        <source>What if: add an item (id or title)...</source>
        <translation>假设：添加商品（编号或标题）…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the user&apos;s real history</source>
        <translation>恢复用户的真实历史</translation>
    </message>
    <message>
        <source>Event of the added row</source>
        <translation>所添加行的事件类型</translation>
    </message>
    <message>
        <source>Edited history: the lists show the what-if profile.</source>
        <translation>历史已编辑：列表显示的是假设情形下的结果。</translation>
    </message>
    <message>
        <source>Double-click a row to open its item.</source>
        <translation>双击一行以打开其商品。</translation>
    </message>
    <message>
        <source>Dataset &quot;%1&quot;: %2 users, %3 items.</source>
        <translation>数据集“%1”：%2 个用户，%3 个商品。</translation>
    </message>
    <message>
        <source>Train a model first (Models workspace), then pick it here.</source>
        <translation>请先训练一个模型（模型工作区），然后在此选择。</translation>
    </message>
    <message>
        <source>Load a model before opening a user.</source>
        <translation>请先加载模型再打开用户。</translation>
    </message>
    <message>
        <source>No user with id &quot;%1&quot; in dataset &quot;%2&quot;.</source>
        <translation>数据集“%2”中没有编号为“%1”的用户。</translation>
    </message>
    <message>
        <source>No user to open: %1</source>
        <translation>没有可打开的用户：%1</translation>
    </message>
    <message>
        <source>User %1: %2 events.</source>
        <translation>用户 %1：%2 个事件。</translation>
    </message>
    <message>
        <source>No item &quot;%1&quot; in the catalogue.</source>
        <translation>商品目录中没有“%1”。</translation>
    </message>
    <message>
        <source>Scoring failed: %1</source>
        <translation>打分失败：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 - %3 of %4 candidates, scored in %5 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 - %4 个候选中的 %3 个，打分耗时 %5 毫秒</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <source>Open a user to see their recommendations.</source>
        <translation>打开一个用户以查看其推荐。</translation>
    </message>
    <message>
        <source>Pick model B to compare two lists side by side.</source>
        <translation>选择模型 B 以并排对比两个列表。</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;Shared&amp;nbsp;&lt;/span&gt; items: %2 of %3 (Jaccard %4).</source>
        <translation>&lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;共同&amp;nbsp;&lt;/span&gt;商品：%3 个中有 %2 个（Jaccard %4）。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RejectedRowsDialog</name>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>导出被拒绝的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>%1 rows were rejected; the first %2 are listed.</source>
        <translation>共拒绝了 %1 行，此处列出前 %2 行。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were rejected.</source>
        <translation>
            <numerusform>拒绝了 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>导出 CSV...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RejectedRowsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunDetailsView</name>
    <message>
        <source>Run #%1 &quot;%2&quot;: %3, model %4, seed %5, device %6, code %7, started %8</source>
        <translation>运行 #%1“%2”：%3，模型 %4，随机种子 %5，设备 %6，代码版本 %7，开始于 %8</translation>
    </message>
    <message>
        <source>, finished %1</source>
        <translation>，结束于 %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation>（最佳）</translation>
    </message>
    <message>
        <source>Parameters (resolved)</source>
        <translation>参数（已解析）</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>评估协议</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunOptionsWidget</name>
    <message>
        <source>New leave-one-out split (seed %1)</source>
        <translation>新建留一法划分（随机种子 %1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>K list: enter cut-offs between 1 and 1000, e.g. &quot;5, 10, 20&quot;</source>
        <translation>K 列表：请输入 1 到 1000 之间的截断值，例如“5, 10, 20”</translation>
    </message>
    <message>
        <source>Choose at least one test evaluation</source>
        <translation>请至少选择一种测试评估方式</translation>
    </message>
    <message>
        <source>The project has no dataset: import one or generate the demo shop first</source>
        <translation>项目中还没有数据集：请先导入数据或生成演示商店</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分方式：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Model initialisation, shuffling, negative sampling and new splits</source>
        <translation>用于模型初始化、数据打乱、负采样和新建划分</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>auto (CUDA when available)</source>
        <translation>自动（可用时使用 CUDA）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>CPU 线程数：</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Validation users:</source>
        <translation>验证用户数：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Validate each epoch on the first N validation users only (faster epochs)</source>
        <translation>每轮只在前 N 个验证用户上验证（每轮更快）</translation>
    </message>
    <message>
        <source>Test evaluation:</source>
        <translation>测试评估：</translation>
    </message>
    <message>
        <source>full ranking</source>
        <translation>全量排序</translation>
    </message>
    <message>
        <source>uniform sampled</source>
        <translation>均匀采样</translation>
    </message>
    <message>
        <source>popularity sampled</source>
        <translation>按流行度采样</translation>
    </message>
    <message>
        <source> negatives</source>
        <translation> 个负样本</translation>
    </message>
    <message>
        <source>Negatives per user for the sampled evaluations (uni-99, pop-99)</source>
        <translation>采样评估中每个用户的负样本数（uni-99、pop-99）</translation>
    </message>
    <message>
        <source>Cut-offs K:</source>
        <translation>截断值 K：</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <source>automatic: model on dataset and time</source>
        <translation>自动：模型、数据集和时间</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunsTableModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2（%3）</translation>
    </message>
    <message>
        <source>The process running it stopped before it finished: %1</source>
        <translation>运行它的进程在完成前停止了：%1</translation>
    </message>
    <message>
        <source>%1 under the protocol: %2</source>
        <translation>%1，评估协议：%2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ScoreHistoriesDialog</name>
    <message>
        <source>Score user histories with an exported model</source>
        <translation>用已导出的模型为用户历史打分</translation>
    </message>
    <message>
        <source>export folder or .ckpt file</source>
        <translation>导出文件夹或 .ckpt 文件</translation>
    </message>
    <message>
        <source>CSV (user,item) or &quot;user item1 item2 …&quot; lines</source>
        <translation>CSV（user,item）或“user item1 item2 …”格式的行</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Checkpoint…</source>
        <translation>检查点…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Histories</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>写入到</translation>
    </message>
    <message>
        <source>Top-K length</source>
        <translation>Top-K 长度</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>RecForge checkpoint</source>
        <translation>RecForge 检查点</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt)</source>
        <translation>检查点 (*.ckpt)</translation>
    </message>
    <message>
        <source>User histories</source>
        <translation>用户历史</translation>
    </message>
    <message>
        <source>Recommendations CSV</source>
        <translation>推荐结果 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ScoreHistoriesJob</name>
    <message>
        <source>Score histories</source>
        <translation>为历史记录打分</translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitJob</name>
    <message>
        <source>Make split</source>
        <translation>创建划分</translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitParamsWidget</name>
    <message>
        <source>Leave one out</source>
        <translation>留一法</translation>
    </message>
    <message>
        <source>Temporal (by time cutoffs)</source>
        <translation>按时间（时间切分点）</translation>
    </message>
    <message>
        <source>Random ratio (per user)</source>
        <translation>随机比例（按用户）</translation>
    </message>
    <message>
        <source>Cold users</source>
        <translation>冷启动用户</translation>
    </message>
    <message>
        <source>Cold items</source>
        <translation>冷启动商品</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>划分方式：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>验证集比例：</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>测试集比例：</translation>
    </message>
    <message>
        <source>Support interactions:</source>
        <translation>支持集交互数：</translation>
    </message>
    <message>
        <source>Validation from:</source>
        <translation>验证集起始：</translation>
    </message>
    <message>
        <source>Test from:</source>
        <translation>测试集起始：</translation>
    </message>
    <message>
        <source>Items new from:</source>
        <translation>新商品起始：</translation>
    </message>
    <message>
        <source>Automatic cutoffs (time quantiles)</source>
        <translation>自动切分点（时间分位数）</translation>
    </message>
    <message>
        <source>Per user in time order: the last interaction is the test target, the second last the validation target, the rest trains.</source>
        <translation>按时间顺序对每位用户：最后一次交互作为测试目标，倒数第二次作为验证目标，其余用于训练。</translation>
    </message>
    <message>
        <source>Everything after the test cutoff is test, after the validation cutoff validation. Automatic: the 80% and 90% time quantiles.</source>
        <translation>测试切分点之后的为测试集，验证切分点之后的为验证集。自动：取 80% 和 90% 时间分位数。</translation>
    </message>
    <message>
        <source>Per user, a seeded shuffle puts the given shares of interactions in validation and test.</source>
        <translation>对每位用户按种子随机打乱，将给定比例的交互分入验证集和测试集。</translation>
    </message>
    <message>
        <source>A seeded share of users is held out entirely; their first few interactions are given as support at inference.</source>
        <translation>按种子随机留出一定比例的用户（完全不参与训练）；他们最初的几次交互在推理时作为支持集提供。</translation>
    </message>
    <message>
        <source>Items first seen after the cutoff are cold: their interactions are test only. Automatic: the 90% time quantile.</source>
        <translation>在切分点之后首次出现的商品为冷启动商品：其交互只进入测试集。自动：取 90% 时间分位数。</translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitsPanel</name>
    <message>
        <source>Split failed: %1</source>
        <translation>划分失败：%1</translation>
    </message>
    <message>
        <source>Split failed</source>
        <translation>划分失败</translation>
    </message>
    <message>
        <source>Stored splits of the selected dataset (interactions per role):</source>
        <translation>所选数据集已保存的划分（各角色的交互数）：</translation>
    </message>
    <message>
        <source>New split...</source>
        <translation>新建划分...</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持集</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>recforge::ui::TableBrowser</name>
    <message>
        <source>%1 of %2 rows</source>
        <translation>显示 %1 / 共 %2 行</translation>
    </message>
    <message>
        <source>Search ids, titles, text...</source>
        <translation>搜索 ID、标题、文本...</translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingCurvesChart</name>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1: loss</source>
        <translation>%1：损失</translation>
    </message>
    <message>
        <source>%1: loss (smoothed)</source>
        <translation>%1：损失（平滑）</translation>
    </message>
    <message>
        <source>%1: epoch loss</source>
        <translation>%1：每轮损失</translation>
    </message>
    <message>
        <source>%1: NDCG@10</source>
        <translation>%1：NDCG@10</translation>
    </message>
    <message>
        <source>%1: HR@10</source>
        <translation>%1：HR@10</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Validation NDCG@10 (solid) and HR@10 (dashed)</source>
        <translation>验证集 NDCG@10（实线）和 HR@10（虚线）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation>验证指标</translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation>损失用对数坐标</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show every point again after zooming or panning</source>
        <translation>缩放或平移后重新显示所有数据点</translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingJob</name>
    <message>
        <source>Train %1</source>
        <translation>训练 %1</translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation>无法打开实验存储：%1</translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation>%1（实时）</translation>
    </message>
    <message>
        <source>Validation NDCG@10 was still rising when training stopped — try more epochs (transformers are often undertrained)</source>
        <translation>训练停止时验证集 NDCG@10 仍在上升——请尝试更多轮次（Transformer 模型常常训练不足）</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>No stored runs yet</source>
        <translation>还没有已存储的运行</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>No stored runs with loss curves</source>
        <translation>没有带损失曲线的已存储运行</translation>
    </message>
    <message>
        <source>Training queue</source>
        <translation>训练队列</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected run (running) or skip it (pending)</source>
        <translation>停止所选运行（运行中）或跳过它（等待中）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected run from the queue (not while it runs)</source>
        <translation>从队列中移除所选运行（运行中的不能移除）</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束</translation>
    </message>
    <message>
        <source>Overlay stored runs</source>
        <translation>叠加已存储的运行</translation>
    </message>
    <message>
        <source>Draw the curves of runs from the experiment store for comparison</source>
        <translation>绘制实验存储中运行的曲线以便对比</translation>
    </message>
    <message>
        <source>Final test metrics</source>
        <translation>最终测试指标</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>评估协议</translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingQueue</name>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>recforge::ui::UsersTableModel</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
</context>
</TS>
