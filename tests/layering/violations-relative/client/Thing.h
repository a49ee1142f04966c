// Part of a tree that breaks the rules on purpose (see Bad.h).
#pragma once
