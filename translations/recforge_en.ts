<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
</context>
<context>
    <name>CategoryChart</name>
    <message>
        <source>Category mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished">other</translation>
    </message>
</context>
<context>
    <name>DistillSummary</name>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The student has %1 of the teacher&apos;s parameters (%2 vs %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its checkpoint takes %1 of the teacher&apos;s space on disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answers one user %1 faster at p50 (%2 vs %3 ms) and %4 faster at p99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batched, it scores %1 the teacher&apos;s users per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps %1 of the teacher&apos;s %2 (the student trained alone: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps %1 of the teacher&apos;s %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 of its top-%1 with the teacher&apos;s: %2 (trained alone: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 of its top-%1 with the teacher&apos;s: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
</context>
<context>
    <name>GroupedBarChart</name>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
</context>
<context>
    <name>MetricBarChart</name>
    <message>
        <source>Metric comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select runs with a metric under the same protocol</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelSchema</name>
    <message>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>one of: %1</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>an integer in [%1, %2]</source>
        <translation>an integer in [%1, %2]</translation>
    </message>
    <message>
        <source>a number in [%1, %2]</source>
        <translation>a number in [%1, %2]</translation>
    </message>
    <message>
        <source>an integer &gt;= %1</source>
        <translation>an integer &gt;= %1</translation>
    </message>
    <message>
        <source>a number &gt;= %1</source>
        <translation>a number &gt;= %1</translation>
    </message>
    <message>
        <source>an integer &lt;= %1</source>
        <translation>an integer &lt;= %1</translation>
    </message>
    <message>
        <source>a number &lt;= %1</source>
        <translation>a number &lt;= %1</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>an integer</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Popularity</translation>
    </message>
    <message>
        <source>Recommends the most frequent items of the training rows to every user (seen items are masked by the evaluator). The baseline every model must beat.</source>
        <translation>Recommends the most frequent items of the training rows to every user (seen items are masked by the evaluator). The baseline every model must beat.</translation>
    </message>
    <message>
        <source>Count users, not rows</source>
        <translation>Count users, not rows</translation>
    </message>
    <message>
        <source>Count each user once per item instead of every interaction row; matters when users repeat items (sessions, views).</source>
        <translation>Count each user once per item instead of every interaction row; matters when users repeat items (sessions, views).</translation>
    </message>
    <message>
        <source>ItemKNN</source>
        <translation>ItemKNN</translation>
    </message>
    <message>
        <source>Item-based collaborative filtering: items bought by the same users are similar; a user gets the items most similar to their history.</source>
        <translation>Item-based collaborative filtering: items bought by the same users are similar; a user gets the items most similar to their history.</translation>
    </message>
    <message>
        <source>Neighbours per item</source>
        <translation>Neighbours per item</translation>
    </message>
    <message>
        <source>How many most-similar items each item keeps. 50-200 works on most shops; more neighbours smooth long-tail items but cost memory.</source>
        <translation>How many most-similar items each item keeps. 50-200 works on most shops; more neighbours smooth long-tail items but cost memory.</translation>
    </message>
    <message>
        <source>Shrinkage</source>
        <translation>Shrinkage</translation>
    </message>
    <message>
        <source>Added to the similarity denominator so that pairs seen together by very few users count less. 10 is a robust default.</source>
        <translation>Added to the similarity denominator so that pairs seen together by very few users count less. 10 is a robust default.</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>Cosine is the standard choice; asymmetric cosine weights the two items&apos; popularity by alpha; Jaccard favours items of similar popularity.</source>
        <translation>Cosine is the standard choice; asymmetric cosine weights the two items&apos; popularity by alpha; Jaccard favours items of similar popularity.</translation>
    </message>
    <message>
        <source>Asymmetry (alpha)</source>
        <translation>Asymmetry (alpha)</translation>
    </message>
    <message>
        <source>Only for asymmetric cosine: exponent of the target item&apos;s popularity in the denominator (0.5 = plain cosine).</source>
        <translation>Only for asymmetric cosine: exponent of the target item&apos;s popularity in the denominator (0.5 = plain cosine).</translation>
    </message>
    <message>
        <source>Normalise neighbour weights</source>
        <translation>Normalise neighbour weights</translation>
    </message>
    <message>
        <source>Scale each item&apos;s neighbour similarities to sum 1, so items with many strong neighbours do not dominate.</source>
        <translation>Scale each item&apos;s neighbour similarities to sum 1, so items with many strong neighbours do not dominate.</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>binary: every interaction counts 1; values: use ratings / event weights.</source>
        <translation>binary: every interaction counts 1; values: use ratings / event weights.</translation>
    </message>
    <message>
        <source>UserKNN</source>
        <translation>UserKNN</translation>
    </message>
    <message>
        <source>User-based collaborative filtering: the users whose histories overlap most with this user&apos;s recommend what they interacted with.</source>
        <translation>User-based collaborative filtering: the users whose histories overlap most with this user&apos;s recommend what they interacted with.</translation>
    </message>
    <message>
        <source>Neighbour users</source>
        <translation>Neighbour users</translation>
    </message>
    <message>
        <source>How many most-similar users vote. 20-100 is robust; fewer neighbours give more personal but noisier lists.</source>
        <translation>How many most-similar users vote. 20-100 is robust; fewer neighbours give more personal but noisier lists.</translation>
    </message>
    <message>
        <source>Added to the similarity denominator so that users sharing very few items count less.</source>
        <translation>Added to the similarity denominator so that users sharing very few items count less.</translation>
    </message>
    <message>
        <source>Cosine is the standard choice; Jaccard favours users of similar activity.</source>
        <translation>Cosine is the standard choice; Jaccard favours users of similar activity.</translation>
    </message>
    <message>
        <source>EASE</source>
        <translation>EASE</translation>
    </message>
    <message>
        <source>Embarrassingly Shallow Autoencoder: a dense item-item model solved in closed form. Strong on small and medium catalogues; memory grows with items^2.</source>
        <translation>Embarrassingly Shallow Autoencoder: a dense item-item model solved in closed form. Strong on small and medium catalogues; memory grows with items^2.</translation>
    </message>
    <message>
        <source>Regularisation (lambda)</source>
        <translation>Regularisation (lambda)</translation>
    </message>
    <message>
        <source>L2 penalty on the item-item weights. 100-1000 is typical: larger for sparse data with many items, smaller for dense data.</source>
        <translation>L2 penalty on the item-item weights. 100-1000 is typical: larger for sparse data with many items, smaller for dense data.</translation>
    </message>
    <message>
        <source>Item limit</source>
        <translation>Item limit</translation>
    </message>
    <message>
        <source>Refuse catalogues larger than this: the model needs ~3 dense items x items float matrices while fitting (20000 items = ~5 GB).</source>
        <translation>Refuse catalogues larger than this: the model needs ~3 dense items x items float matrices while fitting (20000 items = ~5 GB).</translation>
    </message>
    <message>
        <source>BPR-MF</source>
        <translation>BPR-MF</translation>
    </message>
    <message>
        <source>Matrix factorisation trained with Bayesian Personalised Ranking on implicit feedback: user and item vectors whose dot product ranks a user&apos;s items above uniformly drawn items they have not interacted with. Cold users are folded in from their history.</source>
        <translation>Matrix factorisation trained with Bayesian Personalised Ranking on implicit feedback: user and item vectors whose dot product ranks a user&apos;s items above uniformly drawn items they have not interacted with. Cold users are folded in from their history.</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Size of the user and item vectors.</source>
        <translation>Size of the user and item vectors.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Passes over the fit rows (upper bound).</source>
        <translation>Passes over the fit rows (upper bound).</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Triples per optimiser step.</source>
        <translation>Triples per optimiser step.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>AdamW step size.</source>
        <translation>AdamW step size.</translation>
    </message>
    <message>
        <source>L2 regularisation</source>
        <translation>L2 regularisation</translation>
    </message>
    <message>
        <source>Penalty on the batch&apos;s user and item vectors (classic BPR); 0.01 was best on MovieLens-100k.</source>
        <translation>Penalty on the batch&apos;s user and item vectors (classic BPR); 0.01 was best on MovieLens-100k.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight decay</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay.</source>
        <translation>AdamW decoupled weight decay.</translation>
    </message>
    <message>
        <source>Item bias</source>
        <translation>Item bias</translation>
    </message>
    <message>
        <source>Learn a per-item bias (a popularity prior).</source>
        <translation>Learn a per-item bias (a popularity prior).</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <source>Early stopping: epochs without validation improvement (0 = off).</source>
        <translation>Early stopping: epochs without validation improvement (0 = off).</translation>
    </message>
    <message>
        <source>SASRec</source>
        <translation>SASRec</translation>
    </message>
    <message>
        <source>Causal self-attentive sequential recommender (Kang &amp; McAuley 2018) trained with softmax cross-entropy over all items: predicts each next item from the items before it.</source>
        <translation>Causal self-attentive sequential recommender (Kang &amp; McAuley 2018) trained with softmax cross-entropy over all items: predicts each next item from the items before it.</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Hidden size</translation>
    </message>
    <message>
        <source>Width of item embeddings and transformer layers; must be a multiple of heads.</source>
        <translation>Width of item embeddings and transformer layers; must be a multiple of heads.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Transformer blocks.</source>
        <translation>Transformer blocks.</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>Attention heads per block.</source>
        <translation>Attention heads per block.</translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation>Feed-forward size</translation>
    </message>
    <message>
        <source>Inner width of the point-wise feed-forward layer (usually 4 x hidden).</source>
        <translation>Inner width of the point-wise feed-forward layer (usually 4 x hidden).</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>Max length</translation>
    </message>
    <message>
        <source>Most recent items a user&apos;s sequence keeps (50 suits Amazon data; 200 for MovieLens-like long histories).</source>
        <translation>Most recent items a user&apos;s sequence keeps (50 suits Amazon data; 200 for MovieLens-like long histories).</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Hidden dropout; 0.2-0.5 for sparse data such as Amazon Beauty.</source>
        <translation>Hidden dropout; 0.2-0.5 for sparse data such as Amazon Beauty.</translation>
    </message>
    <message>
        <source>Attention dropout</source>
        <translation>Attention dropout</translation>
    </message>
    <message>
        <source>Dropout on attention weights.</source>
        <translation>Dropout on attention weights.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>Feed-forward activation.</source>
        <translation>Feed-forward activation.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>ce: softmax over every item (best quality); sampled: softmax over the target and uniform negatives (large catalogues); bpr: one negative per position.</source>
        <translation>ce: softmax over every item (best quality); sampled: softmax over the target and uniform negatives (large catalogues); bpr: one negative per position.</translation>
    </message>
    <message>
        <source>Negatives</source>
        <translation>Negatives</translation>
    </message>
    <message>
        <source>Negatives per position (sampled).</source>
        <translation>Negatives per position (sampled).</translation>
    </message>
    <message>
        <source>Item features</source>
        <translation>Item features</translation>
    </message>
    <message>
        <source>Add embeddings of category, brand, attributes and price bucket to items.</source>
        <translation>Add embeddings of category, brand, attributes and price bucket to items.</translation>
    </message>
    <message>
        <source>Length buckets</source>
        <translation>Length buckets</translation>
    </message>
    <message>
        <source>Batch sequences of similar length together: far less padding to compute.</source>
        <translation>Batch sequences of similar length together: far less padding to compute.</translation>
    </message>
    <message>
        <source>Upper bound; early stopping ends sooner.</source>
        <translation>Upper bound; early stopping ends sooner.</translation>
    </message>
    <message>
        <source>Sequences per step.</source>
        <translation>Sequences per step.</translation>
    </message>
    <message>
        <source>AdamW peak rate.</source>
        <translation>AdamW peak rate.</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Warm-up steps</translation>
    </message>
    <message>
        <source>Linear warm-up of the rate.</source>
        <translation>Linear warm-up of the rate.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Rate decay after warm-up.</source>
        <translation>Rate decay after warm-up.</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>Gradient clip</translation>
    </message>
    <message>
        <source>Global norm clip (0 = off).</source>
        <translation>Global norm clip (0 = off).</translation>
    </message>
    <message>
        <source>Early stopping on validation NDCG@10 (0 = off).</source>
        <translation>Early stopping on validation NDCG@10 (0 = off).</translation>
    </message>
    <message>
        <source>hidden 64, 2 layers, 2 heads (SASRec paper size)</source>
        <translation>hidden 64, 2 layers, 2 heads (SASRec paper size)</translation>
    </message>
    <message>
        <source>hidden 128, 4 layers, 4 heads</source>
        <translation>hidden 128, 4 layers, 4 heads</translation>
    </message>
    <message>
        <source>hidden 256, 8 layers, 8 heads (the pipeline&apos;s teacher)</source>
        <translation>hidden 256, 8 layers, 8 heads (the pipeline&apos;s teacher)</translation>
    </message>
    <message>
        <source>BERT4Rec</source>
        <translation>BERT4Rec</translation>
    </message>
    <message>
        <source>Bidirectional transformer trained with the cloze task (Sun et al. 2019): masked items are predicted from both sides; recommendation predicts a [MASK] appended to the history.</source>
        <translation>Bidirectional transformer trained with the cloze task (Sun et al. 2019): masked items are predicted from both sides; recommendation predicts a [MASK] appended to the history.</translation>
    </message>
    <message>
        <source>Mask probability</source>
        <translation>Mask probability</translation>
    </message>
    <message>
        <source>Share of positions replaced by [MASK] (cloze training).</source>
        <translation>Share of positions replaced by [MASK] (cloze training).</translation>
    </message>
    <message>
        <source>GRU4Rec</source>
        <translation>GRU4Rec</translation>
    </message>
    <message>
        <source>Recurrent session model (Hidasi et al. 2016): a GRU reads the history&apos;s item embeddings and its last state is scored against every item. Small and fast: a distillation student.</source>
        <translation>Recurrent session model (Hidasi et al. 2016): a GRU reads the history&apos;s item embeddings and its last state is scored against every item. Small and fast: a distillation student.</translation>
    </message>
    <message>
        <source>Width of the item embeddings and of the hidden state scored against them.</source>
        <translation>Width of the item embeddings and of the hidden state scored against them.</translation>
    </message>
    <message>
        <source>GRU layers</source>
        <translation>GRU layers</translation>
    </message>
    <message>
        <source>Stacked GRU layers.</source>
        <translation>Stacked GRU layers.</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>Pooled-history MLP: the mean of the last items&apos; embeddings and the newest item&apos;s embedding pass through a two-layer MLP scored against every item. No recurrence or attention: the fastest distillation student.</source>
        <translation>Pooled-history MLP: the mean of the last items&apos; embeddings and the newest item&apos;s embedding pass through a two-layer MLP scored against every item. No recurrence or attention: the fastest distillation student.</translation>
    </message>
    <message>
        <source>Pooling window</source>
        <translation>Pooling window</translation>
    </message>
    <message>
        <source>Most recent items averaged into the history vector.</source>
        <translation>Most recent items averaged into the history vector.</translation>
    </message>
</context>
<context>
    <name>PopularityChart</name>
    <message>
        <source>Item popularity (long tail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
</context>
<context>
    <name>UserHistogramChart</name>
    <message>
        <source>Interactions per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interactions (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished">No data</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for e-commerce recommender experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project file to open (*.recforge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::DataPanel</name>
    <message>
        <source>%1 users, %2 items, %3 interactions
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate demo shop...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no dataset yet. Import interaction logs (CSV, TSV, JSON Lines, MovieLens, RecBole) or generate a synthetic demo shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Splits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::DatasetOverview</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rejected rows...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 interactions per user on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median %1 per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of empty user-item cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>of items have a category; title %1, brand %2, price %3, description %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1. Rows read %2, accepted %3, rejected %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::DeleteRunJob</name>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::DistillPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 has no teacher-versus-student comparison yet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No distillation run in this project yet. Distil a trained model with the Pipeline workspace or recforge-cli distill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality: %1. Timed on %2 with %3 thread(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distillation run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>List the project&apos;s distillation runs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size and speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-K overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished">Model</translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency p50 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency p99 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Jaccard@%1 with the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of teacher and student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters (millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint size (MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency of one user (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 timed requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (users per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batches of %1 users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users by Jaccard@%1 of their top-%1 with the teacher&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 users; mean %2, p10 %3, median %4, p90 %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::DistillUserView</name>
    <message>
        <source>id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both models recommend this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jaccard@%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the %1&apos;s model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted: items in both lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load both models to compare their lists per user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the teacher&apos;s and the student&apos;s models (in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished">User:</translation>
    </message>
    <message>
        <source>Index of the user in the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher (run %1): top %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student (run %1): top %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExperimentsPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) with their metrics, curves and checkpoints?</source>
        <translation>
            <numerusform>Delete %n run with its metrics, curves and checkpoints?</numerusform>
            <numerusform>Delete %n runs with their metrics, curves and checkpoints?</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not delete the run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in the experiment store (select several to compare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected runs (not running ones) with their artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the run: %1</source>
        <translation>Could not export the run: %1</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export the selected finished run: weights, TorchScript, embeddings, top-K lists and a report</source>
        <translation>Export the selected finished run: weights, TorchScript, embeddings, top-K lists and a report</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Could not score the histories: %1</source>
        <translation>Could not score the histories: %1</translation>
    </message>
    <message>
        <source>Score a file…</source>
        <translation>Score a file…</translation>
    </message>
    <message>
        <source>Re-open an exported model and write the top-K lists of a file of user histories</source>
        <translation>Re-open an exported model and write the top-K lists of a file of user histories</translation>
    </message>
    <message>
        <source>Continue the selected interrupted, failed or cancelled training, fine-tune or distillation run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExportDialog</name>
    <message>
        <source>Export run #%1</source>
        <translation>Export run #%1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>safetensors weights + config.json</source>
        <translation>safetensors weights + config.json</translation>
    </message>
    <message>
        <source>TorchScript (torch.jit.load in Python)</source>
        <translation>TorchScript (torch.jit.load in Python)</translation>
    </message>
    <message>
        <source>RecForge checkpoint</source>
        <translation>RecForge checkpoint</translation>
    </message>
    <message>
        <source>Item and user embeddings (CSV and .npy)</source>
        <translation>Item and user embeddings (CSV and .npy)</translation>
    </message>
    <message>
        <source>Top-K lists of every user (CSV)</source>
        <translation>Top-K lists of every user (CSV)</translation>
    </message>
    <message>
        <source>Experiment report (HTML with curves and metrics)</source>
        <translation>Experiment report (HTML with curves and metrics)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Top-K length</source>
        <translation>Top-K length</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>Approximate top-K from an HNSW index (large catalogues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches an index over the item embeddings instead of scoring every item. Needs an embedding model (BPR, SASRec, BERT4Rec); recall@K against exact top-K is measured on 1000 users and written to config.json.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ExportRunJob</name>
    <message>
        <source>Export run #%1</source>
        <translation>Export run #%1</translation>
    </message>
</context>
<context>
    <name>recforge::ui::GenerateShopDialog</name>
    <message>
        <source>Generate demo shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generates a synthetic shop (catalogue in English and Chinese, users, view/click/cart/purchase sessions). A dataset with the same name is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (about):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::GenerateShopJob</name>
    <message>
        <source>Generate demo shop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::HistoryModel</name>
    <message>
        <source>Added by a what-if edit</source>
        <translation>Added by a what-if edit</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportEventsPage</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map each raw event to a kind and a weight (used by weighted objectives).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct events found in the preview. Type a name to keep an event as a custom kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event column is mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep events not listed here as custom kinds (otherwise reject those rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row is a:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportFilePage</name>
    <message>
        <source>Interactions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item catalogue file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User attributes file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.dat *.data *.jsonl *.json *.inter *.item *.user);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interaction log is required; a catalogue and user attributes are optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimited text (CSV, TSV, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences (user item1 item2 ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MovieLens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecBole atomic files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of a CSV, TSV, JSON Lines, MovieLens or RecBole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: you can drop a file onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportFiltersPage</name>
    <message>
        <source>Name in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project already has a dataset named &quot;%1&quot;. Choose another name or tick &quot;Replace&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of the time window must be before its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters, split and name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean the log, choose how to split it for evaluation, and name the dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove duplicate rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat until stable (k-core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. interactions per user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. interactions per item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only between (UTC):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace a dataset with this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip them and report them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at the first bad row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportJob</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportMappingPage</name>
    <message>
        <source>(not mapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the file&apos;s columns to users, items, time, event and value. User and item are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished">User:</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value / rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 8601 date/time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %d/%m/%Y %H:%M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a timestamp the row order is the time. Without an event column every row gets the default event chosen on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportPreviewPage</name>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1, delimiter %2, encoding %3, %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1, encoding %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 rows as they will be read. Adjust the settings if the columns look wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportRunPage</name>
    <message>
        <source>Rows read: %1, accepted: %2, rejected: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset &quot;%1&quot; saved: %2 users, %3 items, %4 interactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters removed %1 rows (%2 duplicates, %3 outside the time window, %4 by minimum counts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split: train %1, validation %2, test %3, support %4, excluded %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Import of &quot;%1&quot;: %n row(s) rejected.</source>
        <translation>
            <numerusform>Import of &quot;%1&quot;: %n row rejected.</numerusform>
            <numerusform>Import of &quot;%1&quot;: %n rows rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed; nothing was saved.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading, filtering, splitting and saving run in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can cancel at any time before the data is saved; Back also stops the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rejected rows...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ImportWizard</name>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::InteractionsTableModel</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">Item</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished">Time (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished">Event</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::IssuesDock</name>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemMapView</name>
    <message>
        <source>Item embeddings (PCA)</source>
        <translation>Item embeddings (PCA)</translation>
    </message>
    <message>
        <source>This model has no item embeddings: no map.</source>
        <translation>This model has no item embeddings: no map.</translation>
    </message>
    <message>
        <source>Load a model to see its item map.</source>
        <translation>Load a model to see its item map.</translation>
    </message>
    <message>
        <source>No item embeddings</source>
        <translation>No item embeddings</translation>
    </message>
    <message>
        <source>Each point is an item, coloured by top-level category; rings are the current recommendations. PC1 explains %1%, PC2 %2% of the variance. Click a point to open the item.</source>
        <translation>Each point is an item, coloured by top-level category; rings are the current recommendations. PC1 explains %1%, PC2 %2% of the variance. Click a point to open the item.</translation>
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
        <translation>(none)</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recommended</translation>
    </message>
    <message>
        <source>open item</source>
        <translation>open item</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemView</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>Most similar by item-based CF (co-occurrence cosine):</source>
        <translation>Most similar by item-based CF (co-occurrence cosine):</translation>
    </message>
    <message>
        <source>Most similar by embeddings: this model has no item embeddings.</source>
        <translation>Most similar by embeddings: this model has no item embeddings.</translation>
    </message>
    <message>
        <source>Most similar by item embeddings (cosine):</source>
        <translation>Most similar by item embeddings (cosine):</translation>
    </message>
    <message>
        <source>Click an item in a list, the history or the item map.</source>
        <translation>Click an item in a list, the history or the item map.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Id: %2&lt;br&gt;Category: %3&lt;br&gt;Brand: %4&lt;br&gt;Price: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Id: %2&lt;br&gt;Category: %3&lt;br&gt;Brand: %4&lt;br&gt;Price: %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>recforge::ui::ItemsTableModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished">Item</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished">Category</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished">Price</translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::Job</name>
    <message>
        <source>Unknown exception in job &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::JobProgressWidget</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this job at its next checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListDistilRunsJob</name>
    <message>
        <source>List distillation runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListPipelinesJob</name>
    <message>
        <source>List pipelines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ListTrainedRunsJob</name>
    <message>
        <source>List trained models</source>
        <translation>List trained models</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadCurvesJob</name>
    <message>
        <source>Load curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadDistilRunJob</name>
    <message>
        <source>Load distillation run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadRunModelJob</name>
    <message>
        <source>Load model of run %1</source>
        <translation>Load model of run %1</translation>
    </message>
</context>
<context>
    <name>recforge::ui::LoadRunSeriesJob</name>
    <message>
        <source>Load curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::MainWindow</name>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open project %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated the demo shop &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecForge projects (*.recforge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RecForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;RecForge %1&lt;/h3&gt;&lt;p&gt;A workbench for e-commerce recommender experiments: import interaction logs and catalogues, pretrain, fine-tune and distil sequence models, tune them and inspect their recommendations.&lt;/p&gt;&lt;p&gt;Build %2, Qt %3.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — RecForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RecForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate Demo Shop...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About RecForge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets: import, overview, tables and splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered models: parameters, presets and the Train button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training queue, live loss and validation curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored runs: compare curves and metrics, details, delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <source>Per-user recommendations: profiles, explanations, two models side by side, item map, what-if</source>
        <translation>Per-user recommendations: profiles, explanations, two models side by side, item map, what-if</translation>
    </message>
    <message>
        <source>%1 (resumed)</source>
        <translation>%1 (resumed)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exported %n file to %1</numerusform>
            <numerusform>Exported %n files to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote the top-K lists of %n user(s) to %1</source>
        <translation>
            <numerusform>Wrote the top-K list of %n user to %1</numerusform>
            <numerusform>Wrote the top-K lists of %n users to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Distillation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher versus student of a distillation run: size, speed, quality, curves and top-K overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrain, fine-tune and distil in one chain: stage parameters, status and live curves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::MetricsComparison</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final test metrics of the selected runs. Each group is one protocol: only numbers in the same group are comparable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ModelsPanel</name>
    <message>
        <source>Baselines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix factorisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential (transformers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run config (JSON for recforge-cli train --config)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue this run in the Training workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::NewSplitDialog</name>
    <message>
        <source>New split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New split of dataset &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::OpenDatasetJob</name>
    <message>
        <source>Open dataset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ParamForm</name>
    <message>
        <source>Allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A named set of sizes; the fields below can still be edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineForm</name>
    <message>
        <source>Objectives:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask probability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights (cloze / AAP / MAP):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer-wise LR decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student hidden size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha (teacher share):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoder shape (SASRec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Pretrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Distil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked item prediction over all items (BERT4Rec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3-Rec attribute prediction: an item&apos;s attributes from its own vector (AAP) and a masked item&apos;s attributes from its context (MAP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLM first, epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked-language pretraining of a text encoder on the catalogue; its vectors join the item representation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lowest N transformer layers keep their pretrained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer i trains at decay^(L-1-i) of the rate; 1 = off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-initialise the output head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the output head (S3-Rec fine-tuning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score next items from the encoder&apos;s output directly, as a model trained from scratch does; the pretrained head is not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distil the fine-tuned model into a student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss = alpha × teacher terms + (1 − alpha) × next-item loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kl: the teacher&apos;s softened softmax; ranking: its top-K list; both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this stage again as a new run with the form&apos;s parameters, then the stages after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloze scoring (negatives):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every prefix, its last item masked (S3-Rec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each prefix of a shopper&apos;s sequence is one example whose last item is always masked, so pretraining also predicts the next item from the past; off: one example per shopper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every item (full softmax)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sampled negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score a masked item against every item, or against uniformly drawn negatives (S3-Rec&apos;s masked item prediction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negatives drawn per masked item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineJob</name>
    <message>
        <source>Run pipeline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume pipeline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run %1 of pipeline %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::PipelineView</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no curves stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new pipeline with the default parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, &apos;-&apos; and &apos;_&apos;: the pipeline&apos;s file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretrain, fine-tune and distil as new runs, one after the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished">Resume</translation>
    </message>
    <message>
        <source>Continue the selected pipeline where it stopped: finished stages are kept, an unfinished stage continues from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pipeline named &quot;%1&quot; exists already: pick another name, or resume or re-run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline&apos;s parameters are not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pipeline is running already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the first epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished">unknown</translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — run #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the newest dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new leave-one-out split (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: %1 · split: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data and evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset, split, seed, device, threads and the test evaluations of a new pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the student without the teacher first (baseline run %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::PreferencesDialog</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translation for %1 was not found; the interface stays in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (CUDA when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cores (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ProfileView</name>
    <message>
        <source>%1  (similarity %2)</source>
        <translation>%1  (similarity %2)</translation>
    </message>
    <message>
        <source>share of weighted events (%)</source>
        <translation>share of weighted events (%)</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Activity per week</source>
        <translation>Activity per week</translation>
    </message>
    <message>
        <source>events</source>
        <translation>events</translation>
    </message>
    <message>
        <source>Nearest users (user-based CF, double-click to open):</source>
        <translation>Nearest users (user-based CF, double-click to open):</translation>
    </message>
    <message>
        <source>No user open.</source>
        <translation>No user open.</translation>
    </message>
    <message>
        <source>no prices known</source>
        <translation>no prices known</translation>
    </message>
    <message>
        <source>bought %1 - %2 (median %3)</source>
        <translation>bought %1 - %2 (median %3)</translation>
    </message>
    <message>
        <source>seen %1 - %2 (median %3)</source>
        <translation>seen %1 - %2 (median %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 events&lt;/b&gt; on %2 items, %3 to %4 (%5).&lt;br&gt;Price range: %6.</source>
        <translation>&lt;b&gt;%1 events&lt;/b&gt; on %2 items, %3 to %4 (%5).&lt;br&gt;Price range: %6.</translation>
    </message>
    <message>
        <source>Category affinity</source>
        <translation>Category affinity</translation>
    </message>
    <message>
        <source>Brand affinity</source>
        <translation>Brand affinity</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendJob</name>
    <message>
        <source>Recommend</source>
        <translation>Recommend</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendationsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>History items most similar to this one: %1</source>
        <translation>History items most similar to this one: %1</translation>
    </message>
    <message>
        <source>Also recommended by the other model</source>
        <translation>Also recommended by the other model</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Because of</source>
        <translation>Because of</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RecommendationsPanel</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Could not load the model of run %1: %2</source>
        <translation>Could not load the model of run %1: %2</translation>
    </message>
    <message>
        <source>Run %1 was trained on another dataset than model A: side by side needs both models on the same items.</source>
        <translation>Run %1 was trained on another dataset than model A: side by side needs both models on the same items.</translation>
    </message>
    <message>
        <source>Model A:</source>
        <translation>Model A:</translation>
    </message>
    <message>
        <source>Model B:</source>
        <translation>Model B:</translation>
    </message>
    <message>
        <source>A second model for side by side lists</source>
        <translation>A second model for side by side lists</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>List the project&apos;s trained runs again</source>
        <translation>List the project&apos;s trained runs again</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>user id</source>
        <translation>user id</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <source>Any user, at random</source>
        <translation>Any user, at random</translation>
    </message>
    <message>
        <source>Heavy</source>
        <translation>Heavy</translation>
    </message>
    <message>
        <source>A user from the top decile of activity</source>
        <translation>A user from the top decile of activity</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>A user with 1 to 3 events</source>
        <translation>A user with 1 to 3 events</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Cold</translation>
    </message>
    <message>
        <source>A user held out by a cold-user split, or without training rows</source>
        <translation>A user held out by a cold-user split, or without training rows</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Price:</translation>
    </message>
    <message>
        <source>min: any</source>
        <translation>min: any</translation>
    </message>
    <message>
        <source>max: any</source>
        <translation>max: any</translation>
    </message>
    <message>
        <source>Lowest price (any = no bound; a bound drops unpriced items)</source>
        <translation>Lowest price (any = no bound; a bound drops unpriced items)</translation>
    </message>
    <message>
        <source>Highest price (any = no bound; a bound drops unpriced items)</source>
        <translation>Highest price (any = no bound; a bound drops unpriced items)</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>Exclude:</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>bought items</source>
        <translation>bought items</translation>
    </message>
    <message>
        <source>every seen item</source>
        <translation>every seen item</translation>
    </message>
    <message>
        <source>K:</source>
        <translation>K:</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Item map</source>
        <translation>Item map</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>What if: drop the selected rows from the history</source>
        <translation>What if: drop the selected rows from the history</translation>
    </message>
    <message>
        <source>What if: add an item (id or title)...</source>
        <translation>What if: add an item (id or title)...</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Back to the user&apos;s real history</source>
        <translation>Back to the user&apos;s real history</translation>
    </message>
    <message>
        <source>Event of the added row</source>
        <translation>Event of the added row</translation>
    </message>
    <message>
        <source>Edited history: the lists show the what-if profile.</source>
        <translation>Edited history: the lists show the what-if profile.</translation>
    </message>
    <message>
        <source>Double-click a row to open its item.</source>
        <translation>Double-click a row to open its item.</translation>
    </message>
    <message>
        <source>Dataset &quot;%1&quot;: %2 users, %3 items.</source>
        <translation>Dataset &quot;%1&quot;: %2 users, %3 items.</translation>
    </message>
    <message>
        <source>Train a model first (Models workspace), then pick it here.</source>
        <translation>Train a model first (Models workspace), then pick it here.</translation>
    </message>
    <message>
        <source>Load a model before opening a user.</source>
        <translation>Load a model before opening a user.</translation>
    </message>
    <message>
        <source>No user with id &quot;%1&quot; in dataset &quot;%2&quot;.</source>
        <translation>No user with id &quot;%1&quot; in dataset &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No user to open: %1</source>
        <translation>No user to open: %1</translation>
    </message>
    <message>
        <source>User %1: %2 events.</source>
        <translation>User %1: %2 events.</translation>
    </message>
    <message>
        <source>No item &quot;%1&quot; in the catalogue.</source>
        <translation>No item &quot;%1&quot; in the catalogue.</translation>
    </message>
    <message>
        <source>Scoring failed: %1</source>
        <translation>Scoring failed: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 - %3 of %4 candidates, scored in %5 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 - %3 of %4 candidates, scored in %5 ms</translation>
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
        <translation>No model loaded.</translation>
    </message>
    <message>
        <source>Open a user to see their recommendations.</source>
        <translation>Open a user to see their recommendations.</translation>
    </message>
    <message>
        <source>Pick model B to compare two lists side by side.</source>
        <translation>Pick model B to compare two lists side by side.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;Shared&amp;nbsp;&lt;/span&gt; items: %2 of %3 (Jaccard %4).</source>
        <translation>&lt;span style=&quot;background:%1&quot;&gt;&amp;nbsp;Shared&amp;nbsp;&lt;/span&gt; items: %2 of %3 (Jaccard %4).</translation>
    </message>
</context>
<context>
    <name>recforge::ui::RejectedRowsDialog</name>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows were rejected; the first %2 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were rejected.</source>
        <translation>
            <numerusform>%n row was rejected.</numerusform>
            <numerusform>%n rows were rejected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::RejectedRowsModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunDetailsView</name>
    <message>
        <source>Run #%1 &quot;%2&quot;: %3, model %4, seed %5, device %6, code %7, started %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, finished %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters (resolved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunOptionsWidget</name>
    <message>
        <source>New leave-one-out split (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished">%1 (%2)</translation>
    </message>
    <message>
        <source>K list: enter cut-offs between 1 and 1000, e.g. &quot;5, 10, 20&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one test evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no dataset: import one or generate the demo shop first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model initialisation, shuffling, negative sampling and new splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (CUDA when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate each epoch on the first N validation users only (faster epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test evaluation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full ranking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uniform sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>popularity sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negatives per user for the sampled evaluations (uni-99, pop-99)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut-offs K:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic: model on dataset and time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::RunsTableModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process running it stopped before it finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under the protocol: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::ScoreHistoriesDialog</name>
    <message>
        <source>Score user histories with an exported model</source>
        <translation>Score user histories with an exported model</translation>
    </message>
    <message>
        <source>export folder or .ckpt file</source>
        <translation>export folder or .ckpt file</translation>
    </message>
    <message>
        <source>CSV (user,item) or &quot;user item1 item2 …&quot; lines</source>
        <translation>CSV (user,item) or &quot;user item1 item2 …&quot; lines</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <source>Checkpoint…</source>
        <translation>Checkpoint…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Histories</source>
        <translation>Histories</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Write to</translation>
    </message>
    <message>
        <source>Top-K length</source>
        <translation>Top-K length</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <source>RecForge checkpoint</source>
        <translation>RecForge checkpoint</translation>
    </message>
    <message>
        <source>Checkpoints (*.ckpt)</source>
        <translation>Checkpoints (*.ckpt)</translation>
    </message>
    <message>
        <source>User histories</source>
        <translation>User histories</translation>
    </message>
    <message>
        <source>Recommendations CSV</source>
        <translation>Recommendations CSV</translation>
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
        <translation>Score histories</translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitJob</name>
    <message>
        <source>Make split</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitParamsWidget</name>
    <message>
        <source>Leave one out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporal (by time cutoffs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random ratio (per user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support interactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items new from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic cutoffs (time quantiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per user in time order: the last interaction is the test target, the second last the validation target, the rest trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything after the test cutoff is test, after the validation cutoff validation. Automatic: the 80% and 90% time quantiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per user, a seeded shuffle puts the given shares of interactions in validation and test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seeded share of users is held out entirely; their first few interactions are given as support at inference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items first seen after the cutoff are cold: their interactions are test only. Automatic: the 90% time quantile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::SplitsPanel</name>
    <message>
        <source>Split failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored splits of the selected dataset (interactions per role):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New split...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::TableBrowser</name>
    <message>
        <source>%1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search ids, titles, text...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingCurvesChart</name>
    <message>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: loss (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: epoch loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: NDCG@10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HR@10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation NDCG@10 (solid) and HR@10 (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-scale loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every point again after zooming or panning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingJob</name>
    <message>
        <source>Train %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingPanel</name>
    <message>
        <source>Could not open the experiment store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation NDCG@10 was still rising when training stopped — try more epochs (transformers are often undertrained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished">#%1 %2</translation>
    </message>
    <message>
        <source>No stored runs with loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected run (running) or skip it (pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected run from the queue (not while it runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay stored runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the curves of runs from the experiment store for comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final test metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::TrainingQueue</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recforge::ui::UsersTableModel</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
