/**
 * The XGBoost performance predictor: gradient-boosted trees through xgboost4j's Java
 * API, whose native library ships inside its jar.
 */
package io.archforge.predictors.xgboost;
