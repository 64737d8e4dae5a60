import './zodConfig.js'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Boot } from './app/Boot.js'
import './styles/index.css'

const root = document.getElementById('root')
if (root == null) throw new Error('[tradepost] #root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
)
