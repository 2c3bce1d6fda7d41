print("claimsgate")
