// gradient-sample SESSION TARGETS: the training gradient (engine/train/gradient.h) of a v2
// session's model for the targets (comma-separated vocabulary ids, -1 for none), written as
// a session whose every weight is its gradient, with the loss in its "training" field, for
// tests/reference/check_gradient.py to compare with its own NumPy autodiff.
#include "gradient.h"
#include "modelforward.h"
#include "modelreader.h"
#include "modelwriter.h"
#include "sessionerror.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: gradient-sample SESSION TARGETS\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const attn::Model m = std::get<attn::Model>(attn::readAnySession(text.str(), argv[1]));
        std::vector<int> targets;
        std::stringstream list(argv[2]);
        for (std::string item; std::getline(list, item, ',');)
            targets.push_back(std::stoi(item));
        attn::Model grad = attn::zeroGradient(m);
        const attn::LossSum sum =
            attn::accumulateGradient(m, attn::forwardModel(m, 0), targets, grad);
        std::ostringstream loss;
        loss.precision(17);
        loss << "{\"loss\": " << sum.loss << "}";
        grad.trainingJson = loss.str();
        std::cout << attn::writeModelSession(grad);
    } catch (const std::exception& e) {
        std::cerr << "gradient-sample: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
