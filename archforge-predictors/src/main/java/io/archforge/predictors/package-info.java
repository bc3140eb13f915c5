/** Performance predictors that need native libraries: XGBoost and a sentence encoder. */
package io.archforge.predictors;
