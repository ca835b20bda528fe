package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn: its estimators by family. Splitting, scaling, metrics and meta-estimators (grid search, pipelines,
 * voting) are utilities, so a script that only splits data with sklearn is not a sklearn model.
 */
final class SklearnModelType extends ModelTypeDescriptor {
    private static final Map<String, Architecture> ARCHITECTURES = new HashMap<>();

    static {
        put(ARCHITECTURES, Architecture.LINEAR_REGRESSION, "LinearRegression", "Ridge", "RidgeCV", "Lasso",
                "LassoCV", "ElasticNet", "ElasticNetCV", "SGDRegressor", "BayesianRidge", "ARDRegression", "Lars",
                "LassoLars", "HuberRegressor", "TheilSenRegressor", "RANSACRegressor", "PoissonRegressor",
                "TweedieRegressor", "GammaRegressor", "QuantileRegressor", "OrthogonalMatchingPursuit");
        put(ARCHITECTURES, Architecture.LOGISTIC_REGRESSION, "LogisticRegression", "LogisticRegressionCV");
        put(ARCHITECTURES, Architecture.KNN, "KNeighborsClassifier", "KNeighborsRegressor",
                "RadiusNeighborsClassifier", "RadiusNeighborsRegressor");
        put(ARCHITECTURES, Architecture.TREE, "DecisionTreeClassifier", "DecisionTreeRegressor",
                "ExtraTreeClassifier", "ExtraTreeRegressor", "RandomForestClassifier", "RandomForestRegressor",
                "ExtraTreesClassifier", "ExtraTreesRegressor", "GradientBoostingClassifier",
                "GradientBoostingRegressor", "HistGradientBoostingClassifier", "HistGradientBoostingRegressor",
                "AdaBoostClassifier", "AdaBoostRegressor", "IsolationForest");
        put(ARCHITECTURES, Architecture.SVM, "SVC", "SVR", "NuSVC", "NuSVR", "LinearSVC", "LinearSVR",
                "OneClassSVM");
        put(ARCHITECTURES, Architecture.ANN, "MLPClassifier", "MLPRegressor");
        put(ARCHITECTURES, Architecture.OTHER, "GaussianNB", "MultinomialNB", "BernoulliNB", "ComplementNB",
                "CategoricalNB", "KMeans", "MiniBatchKMeans", "DBSCAN", "OPTICS", "AgglomerativeClustering",
                "SpectralClustering", "MeanShift", "GaussianMixture", "LinearDiscriminantAnalysis",
                "QuadraticDiscriminantAnalysis", "GaussianProcessClassifier", "GaussianProcessRegressor",
                "Perceptron", "RidgeClassifier", "SGDClassifier", "PassiveAggressiveClassifier", "KernelRidge",
                "NearestCentroid", "IsotonicRegression");
    }

    @Override
    Framework framework() {
        return Framework.SKLEARN;
    }

    @Override
    String displayName() {
        return "scikit-learn";
    }

    @Override
    List<String> modules() {
        return List.of("sklearn");
    }

    @Override
    Map<String, Architecture> architectures() {
        return ARCHITECTURES;
    }

    @Override
    boolean isUtility(final String qualifiedName) {
        return true;
    }

    /** Estimators do not stack like layers: the family used most wins, the first one seen on a tie. */
    @Override
    Architecture choose(final List<Architecture> seen) {
        Map<Architecture, Integer> counts = new LinkedHashMap<>();
        seen.forEach(architecture -> counts.merge(architecture, 1, Integer::sum));
        return counts.entrySet().stream()
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
                .map(Map.Entry::getKey)
                .orElse(Architecture.UNKNOWN);
    }
}
