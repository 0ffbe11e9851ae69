-- Prints the value stored under the key given as argument.
print(state.get((...)))
