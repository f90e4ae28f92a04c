#pragma once
// A model whose fit() trains an Objective through the shared Trainer can let a caller wrap that
// objective: distillation adds the teacher's terms around the model's own next-item objective,
// so the student trains in the one Trainer loop with its own batches, schedule and validation.

#include <functional>
#include <memory>

#include "common/error.h"
#include "train/objective.h"

namespace recforge {

class ObjectiveHost {
public:
    // Receives the model's own objective (alive during the whole fit) and returns the one to
    // train; an error aborts fit() with it.
    using Wrapper = std::function<Expected<std::unique_ptr<Objective>>(Objective &own)>;

    virtual ~ObjectiveHost() = default;
    // Applies to every later fit() until cleared with an empty wrapper.
    void setObjectiveWrapper(Wrapper wrapper) { m_wrapper = std::move(wrapper); }

protected:
    // The objective fit() must train: `own`, or the wrapper's result (kept alive in `holder`).
    Expected<Objective *> objectiveToTrain(Objective &own, std::unique_ptr<Objective> &holder)
    {
        if (!m_wrapper)
            return &own;
        auto wrapped = m_wrapper(own);
        if (!wrapped)
            return tl::unexpected(wrapped.error());
        holder = std::move(*wrapped);
        return holder.get();
    }

private:
    Wrapper m_wrapper;
};

} // namespace recforge
