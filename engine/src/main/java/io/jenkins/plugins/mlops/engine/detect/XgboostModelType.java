package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** XGBoost: gradient-boosted trees, through its sklearn wrappers or {@code xgb.train}. */
final class XgboostModelType extends ModelTypeDescriptor {
    private static final Map<String, Architecture> ARCHITECTURES = new HashMap<>();

    static {
        put(ARCHITECTURES, Architecture.TREE, "XGBClassifier", "XGBRegressor", "XGBRanker", "XGBRFClassifier",
                "XGBRFRegressor", "train", "cv", "Booster");
    }

    @Override
    Framework framework() {
        return Framework.XGBOOST;
    }

    @Override
    String displayName() {
        return "XGBoost";
    }

    @Override
    List<String> modules() {
        return List.of("xgboost");
    }

    @Override
    Map<String, Architecture> architectures() {
        return ARCHITECTURES;
    }

    @Override
    boolean isUtility(final String qualifiedName) {
        return false;
    }
}
