"""Trained components: a spaCy block classifier and a body recogniser learnt from the hand gold, used after the rules
(``--components rules|model|rules+model``). One job per module:

- ``fold``: where a gold anchor starts in a text, folded as the scorer folds it;
- ``units``: the units classified (blocks cut into clauses) and their feature tokens;
- ``tokenize``: plain words, or underthesea's Vietnamese word segmentation;
- ``data``: labelled units from gold directories;
- ``classifier``: the spaCy textcat: train, save, load, predict;
- ``bodies``: the spaCy NER that marks the bodies a task is given to: examples from gold, train, predict;
- ``components``: the post-step of extraction for each setting;
- ``card``: the model card; ``cli``: ``obligraph train`` and the ``--components`` option.
"""

COMPONENTS = ("rules", "model", "rules+model")
DEFAULT_COMPONENTS = "rules"
MODEL_ENV = "OBLIGRAPH_MODEL"  # a model folder other than the shipped one (inherited by the workers)
