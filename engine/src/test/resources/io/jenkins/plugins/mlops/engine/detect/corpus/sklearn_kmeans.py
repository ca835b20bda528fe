from sklearn.cluster import KMeans
from sklearn.decomposition import PCA

reduced = PCA(n_components=2).fit_transform(X)
km = KMeans(n_clusters=3, n_init=10)
km.fit(reduced)
print(km.inertia_)
