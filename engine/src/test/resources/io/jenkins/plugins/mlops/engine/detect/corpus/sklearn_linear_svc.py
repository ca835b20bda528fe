from sklearn.svm import LinearSVC
from sklearn.feature_extraction.text import CountVectorizer

vec = CountVectorizer()
svm = LinearSVC(C=0.5)
svm.fit(vec.fit_transform(docs), y)
