from sklearn.neighbors import KNeighborsClassifier
print "training knn"
knn = KNeighborsClassifier(n_neighbors=3)
knn.fit(X, y)
print "score: %s" % knn.score(X, y)
exec "x = 1"
