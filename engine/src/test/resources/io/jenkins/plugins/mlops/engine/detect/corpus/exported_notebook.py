#!/usr/bin/env python
# coding: utf-8

# # Training a small CNN with PyTorch

# In[1]:


import torch
import torch.nn as nn
get_ipython().run_line_magic('matplotlib', 'inline')


# In[2]:


model = nn.Sequential(nn.Conv2d(3, 16, 3), nn.ReLU(), nn.Flatten(), nn.LazyLinear(10))


# In[3]:


optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for images, labels in train_loader:
    optimizer.zero_grad()
    loss = nn.CrossEntropyLoss()(model(images), labels)
    loss.backward()
    optimizer.step()
